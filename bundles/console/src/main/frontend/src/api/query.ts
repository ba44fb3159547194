/** ZStack query conditions and the parameters of GET /<resources>. */

export type Operator = '=' | '!=' | '>' | '<' | '>=' | '<=' | '?=' | '!?=' | '~=' | '!~=' | 'is null' | 'not null';

export interface Condition {
  field: string;
  op: Operator;
  value?: string;
}

export interface QuerySpec {
  conditions?: Condition[];
  /** Free text searched in one field with LIKE (a 32-hex uuid is matched exactly on uuid). */
  search?: { field: string; text: string };
  limit?: number;
  start?: number;
  sortBy?: string;
  sortDirection?: 'asc' | 'desc';
  replyWithCount?: boolean;
  fields?: string[];
}

const UUID = /^[0-9a-f]{32}$/i;

/** @returns a condition as the API writes it, e.g. "name~=web%" or "description is null" */
export function conditionToString(c: Condition): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(c.field)) {
    throw new Error(`invalid field name: ${c.field}`);
  }
  if (c.op === 'is null' || c.op === 'not null') {
    return `${c.field} ${c.op}`;
  }
  return `${c.field}${c.op}${c.value ?? ''}`;
}

/** Escapes nothing but trims; wraps the text in % for a contains-search. */
export function searchCondition(field: string, text: string): Condition | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (UUID.test(t)) return { field: 'uuid', op: '=', value: t.toLowerCase() };
  return { field, op: '~=', value: `%${t}%` };
}

/** @returns the URL parameters of a query: repeated q, paging, sorting, count and fields */
export function buildQuery(spec: QuerySpec): URLSearchParams {
  const p = new URLSearchParams();
  const conditions = [...(spec.conditions ?? [])];
  if (spec.search) {
    const s = searchCondition(spec.search.field, spec.search.text);
    if (s) conditions.push(s);
  }
  for (const c of conditions) {
    if (c.op !== 'is null' && c.op !== 'not null' && (c.value === undefined || c.value === '')) continue;
    p.append('q', conditionToString(c));
  }
  if (spec.limit !== undefined) p.set('limit', String(spec.limit));
  if (spec.start !== undefined && spec.start > 0) p.set('start', String(spec.start));
  if (spec.sortBy) {
    p.set('sortBy', spec.sortBy);
    p.set('sortDirection', spec.sortDirection ?? 'asc');
  }
  if (spec.replyWithCount) p.set('replyWithCount', 'true');
  if (spec.fields?.length) p.set('fields', spec.fields.join(','));
  return p;
}

/** @returns the query of page `page` (1-based) of size `pageSize` */
export function pageQuery(spec: QuerySpec, page: number, pageSize: number): QuerySpec {
  return { ...spec, limit: pageSize, start: (Math.max(1, page) - 1) * pageSize, replyWithCount: true };
}
