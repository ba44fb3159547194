import { Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { query } from '../api/client';
import { EChart } from '../components/EChart';
import { ErrorView } from '../components/ErrorView';
import { JobLine } from '../components/JobsPanel';
import { useI18n } from '../i18n/I18n';
import { countBy, formatBytes, sumCapacity, usedPercent } from '../resources/format';
import { useCapabilities } from '../state/App';
import { useEvents, useLiveRefresh } from '../state/Events';
import { useJobs } from '../state/Jobs';

type Rows = Record<string, unknown>[];

interface Data {
  hosts?: Rows;
  storage?: Rows;
  vms?: Rows;
  zones?: Rows;
}

/** Fetches every inventory of a path (only the given fields, if any), if the node serves it. */
async function all(path: string, fields: string[] | undefined, served: boolean): Promise<Rows | undefined> {
  if (!served) return undefined;
  return (await query(path, { fields, limit: 1000 })).inventories;
}

/** A gauge of a used share (percent, one decimal) with the used / total figures under it (the card says what). */
function gauge(percent: number, figures: string) {
  return {
    series: [{
      type: 'gauge', progress: { show: true, width: 12 }, axisLine: { lineStyle: { width: 12 } }, splitLine: { show: false },
      axisTick: { show: false }, axisLabel: { show: false }, pointer: { show: false }, title: { offsetCenter: [0, '75%'], fontSize: 13 },
      detail: { valueAnimation: true, offsetCenter: [0, '5%'], fontSize: 22, formatter: (v: number) => `${Math.round(v * 10) / 10}%` },
      data: [{ value: percent, name: figures }],
    }],
  };
}

function bars(counts: Record<string, number>) {
  const keys = Object.keys(counts).sort();
  return {
    tooltip: {}, grid: { left: 40, right: 10, top: 10, bottom: 30 },
    xAxis: { type: 'category', data: keys }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: keys.map((k) => counts[k]), itemStyle: { color: '#1677ff' } }],
  };
}

/** Capacity of CPU, memory and storage; counts by state; recent jobs and events. */
export function DashboardPage() {
  const { t } = useI18n();
  const caps = useCapabilities();
  const { recent } = useEvents();
  const { jobs } = useJobs();
  const [data, setData] = useState<Data>({});
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    Promise.all([
      // whole inventories: a host's capacities are computed for its inventory, `fields` cannot select them
      all('/hosts', undefined, caps.has('GET', '/hosts')),
      all('/primary-storage', ['uuid', 'totalCapacity', 'availableCapacity'], caps.has('GET', '/primary-storage')),
      all('/vm-instances', ['uuid', 'state'], caps.has('GET', '/vm-instances')),
      all('/zones', ['uuid', 'state'], caps.has('GET', '/zones')),
    ]).then(([hosts, storage, vms, zones]) => {
      setData({ hosts, storage, vms, zones });
      setError(undefined);
    }).catch(setError);
  }, [caps]);
  useEffect(load, [load]);
  useLiveRefresh(['host', 'primaryStorage', 'vmInstance', 'vm', 'zone'], load);

  const charts = useMemo(() => {
    const cpu = sumCapacity(data.hosts ?? [], 'totalCpuCapacity', 'availableCpuCapacity');
    const mem = sumCapacity(data.hosts ?? [], 'totalMemoryCapacity', 'availableMemoryCapacity');
    const disk = sumCapacity(data.storage ?? [], 'totalCapacity', 'availableCapacity');
    const figures = {
      cpu: `${cpu.total - cpu.available} / ${cpu.total}`,
      mem: `${formatBytes(mem.total - mem.available)} / ${formatBytes(mem.total)}`,
      disk: `${formatBytes(disk.total - disk.available)} / ${formatBytes(disk.total)}`,
    };
    return {
      figures,
      cpu: gauge(usedPercent(cpu.total, cpu.available), figures.cpu),
      mem: gauge(usedPercent(mem.total, mem.available), figures.mem),
      disk: gauge(usedPercent(disk.total, disk.available), figures.disk),
    };
  }, [data, t]);

  const unavailable = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('unavailable.short')} />;
  return (
    <div data-testid="dashboard">
      {error !== undefined && <ErrorView error={error} onRetry={load} />}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card><Statistic title={t('resource.zones')} value={data.zones?.length ?? '—'} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t('resource.hosts')} value={data.hosts?.length ?? '—'} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t('resource.vmInstances')} value={data.vms?.length ?? '—'} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t('resource.primaryStorage')} value={data.storage?.length ?? '—'} /></Card></Col>
        <Col xs={24} md={8}><Card title={t('dashboard.cpu')}>{data.hosts ? <EChart option={charts.cpu} testId="chart-cpu" label={`${t('dashboard.cpu')}: ${charts.figures.cpu}`} /> : unavailable}</Card></Col>
        <Col xs={24} md={8}><Card title={t('dashboard.memory')}>{data.hosts ? <EChart option={charts.mem} testId="chart-memory" label={`${t('dashboard.memory')}: ${charts.figures.mem}`} /> : unavailable}</Card></Col>
        <Col xs={24} md={8}><Card title={t('dashboard.storage')}>{data.storage ? <EChart option={charts.disk} testId="chart-storage" label={`${t('dashboard.storage')}: ${charts.figures.disk}`} /> : unavailable}</Card></Col>
        <Col xs={24} md={12}><Card title={t('dashboard.vmsByState')}>{data.vms ? <EChart option={bars(countBy(data.vms, 'state'))} /> : unavailable}</Card></Col>
        <Col xs={24} md={12}><Card title={t('dashboard.hostsByState')}>{data.hosts ? <EChart option={bars(countBy(data.hosts, 'status'))} /> : unavailable}</Card></Col>
        <Col xs={24} md={12}>
          <Card title={t('dashboard.recentJobs')} extra={<Typography.Text type="secondary">{t('dashboard.jobsHint')}</Typography.Text>}>
            {jobs.length ? <List dataSource={jobs.slice(0, 8)} renderItem={(j) => <JobLine job={j} />} /> : <Empty description={t('job.none')} />}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('dashboard.recentEvents')}>
            {recent.length ? (
              <List size="small" dataSource={recent.slice(0, 12)} data-testid="events" renderItem={(e) => (
                <List.Item>
                  <Tag>{e.type}</Tag> {e.resourceType} {String(e.inventory?.name ?? e.resourceUuid.slice(0, 8))}
                  {e.newState && <> → <Tag color="blue">{e.newState}</Tag></>}
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{e.time}</Typography.Text>
                </List.Item>
              )} />
            ) : <Empty description={t('dashboard.noEvents')} />}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
