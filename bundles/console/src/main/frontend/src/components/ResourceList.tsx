import { App, Button, Card, Input, Select, Space, Table, Tooltip } from 'antd';
import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { query, queryCsv, type Page } from '../api/client';
import type { QuerySpec } from '../api/query';
import { useI18n } from '../i18n/I18n';
import type { Inventory, ResourceConfig } from '../resources/types';
import { useCapabilities } from '../state/App';
import { useLiveRefresh } from '../state/Events';
import { ActionButtons } from './ActionButtons';
import { CreateModal } from './CreateModal';
import { ErrorView } from './ErrorView';
import { Value } from './Value';
import { useRefNames } from './useRefNames';

/** The list state kept in the URL (so a reload or a return after login shows the same page). */
export function listSpec(cfg: ResourceConfig, params: URLSearchParams): { spec: QuerySpec; page: number; size: number } {
  const page = Math.max(1, Number(params.get('page')) || 1);
  const size = Math.min(500, Math.max(5, Number(params.get('size')) || 20));
  const conditions = cfg.filters
    .map((f) => ({ field: f.field, op: '=' as const, value: params.get(`f.${f.field}`) ?? '' }))
    .filter((c) => c.value);
  const sortBy = params.get('sort') ?? cfg.defaultSort;
  const sortDirection = (params.get('dir') ?? (params.get('sort') ? 'asc' : 'desc')) === 'asc' ? 'asc' as const : 'desc' as const;
  return { spec: { conditions, search: { field: cfg.searchField, text: params.get('q') ?? '' }, sortBy, sortDirection }, page, size };
}

/** One generic list: server-side search, filters, sort and pagination, CSV export, create, row actions, live refresh. */
export function ResourceList({ cfg }: { cfg: ResourceConfig }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const caps = useCapabilities();
  const [params, setParams] = useSearchParams();
  const { spec, page, size } = listSpec(cfg, params);
  const specKey = JSON.stringify([spec, page, size]);
  const [data, setData] = useState<Page<Inventory>>({ inventories: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(params.get('q') ?? '');

  const load = useCallback(() => {
    setLoading(true);
    query<Inventory>(cfg.path, { ...spec, limit: size, start: (page - 1) * size, replyWithCount: true })
      .then((p) => {
        setData(p);
        setError(undefined);
      })
      .catch(setError)
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cfg.path, specKey]);
  useEffect(load, [load]);
  useLiveRefresh(cfg.eventTypes, load);
  const names = useRefNames(cfg.columns, data.inventories);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const exportCsv = async () => {
    try {
      const csv = await queryCsv(cfg.path, spec);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${cfg.key}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      message.error(String((e as Error).message));
    }
  };

  const columns = useMemo(() => [
    ...cfg.columns.map((c) => ({
      key: c.field,
      dataIndex: c.field,
      title: t(c.title),
      sorter: c.sortable,
      sortOrder: spec.sortBy === c.field ? (spec.sortDirection === 'asc' ? 'ascend' as const : 'descend' as const) : null,
      render: (v: unknown, row: Inventory) => c === cfg.columns[0] // the first column links to the detail
        ? <Link to={`/resources/${cfg.key}/${row.uuid}`} data-testid={`row-${String(v)}`}>{String(v ?? row.uuid)}</Link>
        : <Value value={v} render={c.render} names={names} />,
    })),
    {
      key: '_actions', title: t('common.actions'), width: 120,
      render: (_: unknown, row: Inventory) => <ActionButtons cfg={cfg} inv={row} compact onDone={load} />,
    },
  ], [cfg, t, names, spec.sortBy, spec.sortDirection, load]);

  const canCreate = cfg.create && caps.has(cfg.create.route.method, cfg.create.route.path);
  return (
    <Card title={t(cfg.title)} extra={
      <Space wrap>
        {canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create">{t('common.create')}</Button>}
        <Tooltip title={t('list.exportHint')}><Button icon={<DownloadOutlined />} onClick={exportCsv} data-testid="export-csv">{t('list.export')}</Button></Tooltip>
        <Button icon={<ReloadOutlined />} onClick={load} aria-label={t('common.refresh')} />
      </Space>
    }>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('list.search')} value={search} onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined, page: undefined })} style={{ width: 280 }} data-testid="search" />
        {cfg.filters.map((f) => (
          <Select key={f.field} allowClear placeholder={t(f.title)} style={{ minWidth: 160 }} value={params.get(`f.${f.field}`) ?? undefined}
            options={f.options.map((o) => ({ value: o, label: o }))} data-testid={`filter-${f.field}`}
            onChange={(v) => set({ [`f.${f.field}`]: v, page: undefined })} />
        ))}
      </Space>
      {error !== undefined && <ErrorView error={error} onRetry={load} />}
      <Table<Inventory>
        rowKey="uuid" size="middle" loading={loading} dataSource={data.inventories} columns={columns} scroll={{ x: true }}
        locale={{ emptyText: t('list.empty') }}
        pagination={{ current: page, pageSize: size, total: data.total, showSizeChanger: true, showTotal: (n) => t('list.total', { n }) }}
        onChange={(p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          set({
            page: p.current && p.current > 1 ? String(p.current) : undefined,
            size: p.pageSize && p.pageSize !== 20 ? String(p.pageSize) : undefined,
            sort: s?.order ? String(s.field) : undefined,
            dir: s?.order ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined,
          });
        }}
      />
      {creating && <CreateModal cfg={cfg} onClose={() => setCreating(false)} onCreated={load} />}
    </Card>
  );
}
