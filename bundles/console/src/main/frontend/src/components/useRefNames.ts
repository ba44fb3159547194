import { useEffect, useState } from 'react';
import { query } from '../api/client';
import { resourceByKey } from '../resources/configs';
import type { ColumnDef, Inventory } from '../resources/types';

/** Names of the resources the rows refer to (one query per referenced type), by uuid. */
export function useRefNames(columns: ColumnDef[], rows: Inventory[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const wanted = new Map<string, Set<string>>();
  for (const c of columns) {
    if (typeof c.render !== 'object') continue;
    const set = wanted.get(c.render.ref) ?? new Set<string>();
    for (const r of rows) if (typeof r[c.field] === 'string' && r[c.field]) set.add(r[c.field] as string);
    wanted.set(c.render.ref, set);
  }
  const key = [...wanted].map(([k, s]) => `${k}:${[...s].sort().join(',')}`).join('|');
  useEffect(() => {
    let live = true;
    for (const [ref, uuids] of wanted) {
      const cfg = resourceByKey(ref);
      if (!cfg || uuids.size === 0) continue;
      query(cfg.path, { conditions: [{ field: 'uuid', op: '?=', value: [...uuids].join(',') }], fields: ['uuid', 'name'], limit: uuids.size })
        .then((p) => live && setNames((n) => ({ ...n, ...Object.fromEntries(p.inventories.map((i) => [String(i.uuid), String(i.name ?? i.uuid)])) })))
        .catch(() => undefined); // names are a convenience: the uuid stays shown
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return names;
}
