import { sha512 } from 'js-sha512';
import type { CreateDef, FieldDef } from './types';

const UNITS = { MiB: 1024 ** 2, GiB: 1024 ** 3 } as const;

/** @returns the value of a field as the API wants it (bytes fields scaled from their unit; blanks dropped) */
export function apiValue(field: FieldDef, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (field.type === 'bytes') return Math.round(Number(value) * UNITS[field.unit ?? 'GiB']);
  if (field.type === 'number') return Number(value);
  // passwords travel as their SHA-512, as ZStack clients send them
  if (field.type === 'password') return sha512(String(value));
  return value;
}

/** Fills {name} variables of a path template; throws when one has no value. */
export function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_, v: string) => {
    const x = values[v];
    if (x === undefined || x === null || x === '') throw new Error(`missing path value: ${v}`);
    return encodeURIComponent(String(x));
  });
}

/** @returns the path and the {"params":{...}} body of a create form */
export function createRequest(create: CreateDef, fields: FieldDef[], values: Record<string, unknown>): { path: string; body: { params: Record<string, unknown> } } {
  const params: Record<string, unknown> = { ...(create.fixed ?? {}) };
  const pathValues: Record<string, unknown> = {};
  for (const f of fields) {
    const v = apiValue(f, values[f.name]);
    if (v === undefined) continue;
    if (f.in === 'path') pathValues[f.name] = v;
    else params[f.name] = v;
  }
  const built = create.toParams ? { ...(create.fixed ?? {}), ...create.toParams(params) } : params;
  for (const k of Object.keys(built)) if (built[k] === undefined) delete built[k];
  return { path: fillPath(create.route.path, pathValues), body: { params: built } };
}

/** @returns the initial form values (bytes fields in their unit) */
export function initialValues(fields: FieldDef[]): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const f of fields) if (f.initial !== undefined) v[f.name] = f.initial;
  return v;
}
