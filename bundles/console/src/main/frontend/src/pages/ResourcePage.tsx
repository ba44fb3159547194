import { Result } from 'antd';
import { Navigate, useParams } from 'react-router-dom';
import { ResourceDetail } from '../components/ResourceDetail';
import { ResourceList } from '../components/ResourceList';
import { useI18n } from '../i18n/I18n';
import { resourceByKey } from '../resources/configs';
import { useCapabilities } from '../state/App';

/** An honest empty state: this node does not serve the API the page needs. */
export function NotAvailable({ title, path }: { title: string; path: string }) {
  const { t } = useI18n();
  return (
    <div data-testid="not-available">
      <Result status="info" title={t('unavailable.title', { what: t(title) })} subTitle={t('unavailable.text', { path })} />
    </div>
  );
}

/** /resources/:key and /resources/:key/:uuid: the generic list or detail of a declared resource. */
export function ResourcePage() {
  const { key = '', uuid } = useParams();
  const { t } = useI18n();
  const caps = useCapabilities();
  const cfg = resourceByKey(key);
  if (!cfg) return <Result status="404" title={t('error.noPage')} />;
  if (!caps.has('GET', cfg.path)) return <NotAvailable title={cfg.title} path={`GET /zstack/v1${cfg.path}`} />;
  return uuid ? <ResourceDetail key={uuid} cfg={cfg} uuid={uuid} /> : <ResourceList key={cfg.key} cfg={cfg} />;
}

/** /admin/:key, the address of the administration pages before they were resource pages. */
export function AdminRedirect() {
  const { key = '' } = useParams();
  return <Navigate to={`/resources/${key}`} replace />;
}
