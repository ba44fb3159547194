import en from './en';
import zh from './zh';

export type Lang = 'en' | 'zh';
export type Catalogue = Record<string, string>;

export const catalogues: Record<Lang, Catalogue> = { en, zh };
export const LANG_KEY = 'kumo.lang';

/** Looks a key up ({name} placeholders filled); an unknown key shows itself so it is noticed. */
export function translate(catalogue: Catalogue, key: string, vars?: Record<string, unknown>): string {
  const text = catalogue[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, v: string) => (vars[v] === undefined ? m : String(vars[v]))) : text;
}

/** The persisted language, else the browser's (Chinese if it prefers zh), else English. */
export function initialLang(stored: string | null, browser: string | undefined): Lang {
  if (stored === 'en' || stored === 'zh') return stored;
  return browser?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
