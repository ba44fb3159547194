const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 → "1.5 KiB" */
export function formatBytes(n: unknown): string {
  const v = Number(n);
  if (n === null || n === undefined || n === '' || !Number.isFinite(v)) return '';
  let i = 0;
  let x = Math.abs(v);
  while (x >= 1024 && i < UNITS.length - 1) {
    x /= 1024;
    i++;
  }
  const s = x >= 100 || i === 0 ? String(Math.round(x)) : x.toFixed(1).replace(/\.0$/, '');
  return `${v < 0 ? '-' : ''}${s} ${UNITS[i]}`;
}

/** Used share of a capacity, 0..100, one decimal. */
export function usedPercent(total: number, available: number): number {
  if (!total || total <= 0) return 0;
  return Math.round(((total - Math.max(0, available)) / total) * 1000) / 10;
}

/** Sums the total and available capacities of inventories. */
export function sumCapacity(items: Record<string, unknown>[], totalField: string, availableField: string): { total: number; available: number } {
  let total = 0;
  let available = 0;
  for (const i of items) {
    total += Number(i[totalField]) || 0;
    available += Number(i[availableField]) || 0;
  }
  return { total, available };
}

/** Counts inventories by a field's value. */
export function countBy(items: Record<string, unknown>[], field: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) {
    const k = String(i[field] ?? '—');
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Parses CSV text (RFC 4180: quotes, doubled quotes, CRLF) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
