import { Breadcrumb, Card, Descriptions, Result, Space, Spin, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { call } from '../api/client';
import { useI18n } from '../i18n/I18n';
import { refFields } from '../resources/configs';
import type { ColumnDef, DetailTable, Inventory, ResourceConfig } from '../resources/types';
import { useLiveRefresh } from '../state/Events';
import { ActionButtons } from './ActionButtons';
import { ErrorView } from './ErrorView';
import { Value } from './Value';
import { useRefNames } from './useRefNames';

/** How a field not among the list's columns is shown: a reference by name, a uuid, or as it is. */
function fieldRender(field: string): ColumnDef['render'] {
  if (refFields[field]) return { ref: refFields[field] };
  return field === 'uuid' || field.endsWith('Uuid') ? 'uuid' : undefined;
}

/** A nested list of an inventory (a VM's NICs, an image's backup storage...), references shown by name. */
function NestedTable({ table, rows }: { table: DetailTable; rows: Inventory[] }) {
  const { t } = useI18n();
  const names = useRefNames(table.columns, rows);
  return (
    <Card title={t(table.title)} size="small">
      <Table rowKey={(r) => String((r as Inventory).uuid ?? JSON.stringify(r))} size="small" pagination={false}
        dataSource={rows} locale={{ emptyText: t('list.empty') }}
        columns={table.columns.map((c) => ({ key: c.field, dataIndex: c.field, title: t(c.title), render: (v: unknown) => <Value value={v} render={c.render} names={names} /> }))} />
    </Card>
  );
}

/** Every field of one inventory, its nested tables and its actions; follows live events. */
export function ResourceDetail({ cfg, uuid }: { cfg: ResourceConfig; uuid: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [inv, setInv] = useState<Inventory | null>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    call<{ inventories?: Inventory[] }>('GET', `${cfg.path}/${uuid}`)
      .then((b) => {
        setInv(b.inventories?.[0] ?? null);
        setError(undefined);
      })
      .catch(setError);
  }, [cfg.path, uuid]);
  useEffect(load, [load]);
  useLiveRefresh(cfg.eventTypes, load);
  const known = new Map(cfg.columns.map((c) => [c.field, c]));
  const nested = new Set((cfg.detailTables ?? []).map((d) => d.field));
  const fields: ColumnDef[] = inv
    ? Object.keys(inv).filter((k) => !nested.has(k)).map((k) => known.get(k) ?? { field: k, title: k, render: fieldRender(k) })
    : [];
  const names = useRefNames(fields, inv ? [inv] : []);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to={`/resources/${cfg.key}`}>{t(cfg.title)}</Link> }, { title: String(inv?.name ?? uuid) }]} />
      {error !== undefined && <ErrorView error={error} onRetry={load} />}
      {inv === undefined && error === undefined && <Spin />}
      {inv === null && (
        <Result status="404" title={t('detail.gone', { what: t(cfg.singular) })}
          extra={<a onClick={() => navigate(`/resources/${cfg.key}`)}>{t('detail.backToList')}</a>} />
      )}
      {inv && (
        <>
          <Card title={`${t(cfg.singular)}: ${String(inv.name ?? inv.uuid)}`} extra={<ActionButtons cfg={cfg} inv={inv} onDone={load} />}>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="detail">
              {fields.map((f) => (
                <Descriptions.Item key={f.field} label={known.has(f.field) ? t(f.title) : f.title}>
                  <Value value={inv[f.field]} render={f.render} names={names} />
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          {(cfg.detailTables ?? []).map((d) => <NestedTable key={d.field} table={d} rows={(inv[d.field] as Inventory[] | undefined) ?? []} />)}
        </>
      )}
    </Space>
  );
}
