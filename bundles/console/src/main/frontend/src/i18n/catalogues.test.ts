import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en';
import zh from './zh';
import { initialLang, translate } from './translate';
import { resources } from '../resources/configs';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('message catalogues', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty value', () => {
    for (const [lang, cat] of Object.entries({ en, zh })) {
      for (const [k, v] of Object.entries(cat)) expect(v.trim(), `${lang} ${k}`).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en)) expect(vars(zh[k]), k).toEqual(vars(en[k]));
  });

  it('hold every key the sources use', () => {
    const used = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/'((?:field|resource|help|wizard)\.[a-zA-Z0-9_]+)'/g)) used.add(m[1]);
    }
    for (const r of resources) {
      used.add(r.title);
      used.add(r.singular);
      used.add(`nav.${r.group}`);
      r.actions.forEach((a) => used.add(a.label));
      r.columns.forEach((c) => used.add(c.title));
      r.filters.forEach((f) => used.add(f.title));
      r.create?.fields.forEach((f) => used.add(f.label));
      r.actions.forEach((a) => a.fields?.forEach((f) => used.add(f.label)));
    }
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and shows unknown keys as themselves', () => {
    expect(translate(en, 'list.total', { n: 3 })).toBe('3 in all');
    expect(translate(zh, 'list.total', { n: 3 })).toBe('共 3 条');
    expect(translate(en, 'no.such.key')).toBe('no.such.key');
  });

  it('starts in the persisted language, else the browser language', () => {
    expect(initialLang('zh', 'en-US')).toBe('zh');
    expect(initialLang(null, 'zh-CN')).toBe('zh');
    expect(initialLang('fr', 'de')).toBe('en');
  });
});
