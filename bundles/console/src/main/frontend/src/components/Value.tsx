import { Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Render } from '../resources/types';
import { formatBytes } from '../resources/format';
import { useI18n } from '../i18n/I18n';

const STATE_COLORS: Record<string, string> = {
  Enabled: 'green', Running: 'green', Connected: 'green', Ready: 'green', Succeeded: 'green',
  Disabled: 'default', Stopped: 'default', Paused: 'gold', Maintenance: 'gold', PreMaintenance: 'gold',
  Starting: 'blue', Stopping: 'blue', Rebooting: 'blue', Creating: 'blue', Connecting: 'blue', Downloading: 'blue', Migrating: 'blue',
  Destroyed: 'red', Disconnected: 'red', Error: 'red', Unknown: 'orange', Deleted: 'red',
};

/** One value of an inventory, shown as its column says. `names` resolves uuids of referenced resources. */
export function Value({ value, render, names }: { value: unknown; render?: Render; names?: Record<string, string> }) {
  const { t } = useI18n();
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof render === 'object') {
    const uuid = String(value);
    return <Link to={`/resources/${render.ref}/${uuid}`}>{names?.[uuid] ?? uuid.slice(0, 8)}</Link>;
  }
  switch (render) {
    case 'state':
      return <Tag color={STATE_COLORS[String(value)] ?? 'default'}>{String(value)}</Tag>;
    case 'bytes':
      return <Tooltip title={`${value} B`}>{formatBytes(value)}</Tooltip>;
    case 'cpu':
      return <span>{String(value)}</span>;
    case 'date':
      return <span>{String(value)}</span>;
    case 'bool':
      return <span>{value ? t('common.yes') : t('common.no')}</span>;
    case 'uuid':
      return <Typography.Text copyable code>{String(value)}</Typography.Text>;
    case 'list':
      return <span>{Array.isArray(value) ? (value.length ? value.map((v) => String(v).slice(0, 8)).join(', ') : '—') : String(value)}</span>;
    default:
      if (typeof value === 'object') return <Typography.Text code>{JSON.stringify(value)}</Typography.Text>;
      return <span>{String(value)}</span>;
  }
}
