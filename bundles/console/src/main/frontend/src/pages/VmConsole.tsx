import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import RFB from '@novnc/novnc';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { call, mutate } from '../api/client';
import { consoleUrl, type ConsoleInventory } from '../api/console';
import { ErrorView } from '../components/ErrorView';
import { useI18n } from '../i18n/I18n';

type Status = 'requesting' | 'connecting' | 'password' | 'connected' | 'closed' | 'failed';

const COLORS: Record<Status, string> = {
  requesting: 'processing', connecting: 'processing', password: 'warning', connected: 'success', closed: 'default', failed: 'error',
};

/**
 * /resources/vm-instances/:uuid/console: the graphical console of a running VM in noVNC. Asks the node for a one-time
 * console address (RequestConsoleAccess, {@code POST /consoles}), then opens it through the node's console proxy.
 * Every (re)connect asks for a new address: a token opens one connection only.
 */
export function VmConsolePage() {
  const { uuid = '' } = useParams();
  const { t } = useI18n();
  const screen = useRef<HTMLDivElement>(null);
  const rfb = useRef<RFB>();
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Status>('requesting');
  const [reason, setReason] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [vmName, setVmName] = useState<string>();
  const [desktop, setDesktop] = useState<string>();

  useEffect(() => {
    call<{ inventories?: { name?: string }[] }>('GET', `/vm-instances/${encodeURIComponent(uuid)}`)
      .then((b) => setVmName(b.inventories?.[0]?.name))
      .catch(() => undefined); // the title falls back to the uuid
  }, [uuid]);

  useEffect(() => {
    let cancelled = false;
    setStatus('requesting');
    setError(undefined);
    setReason(undefined);
    setDesktop(undefined);
    (async () => {
      try {
        const reply = (await mutate('POST', '/consoles', { params: { vmInstanceUuid: uuid } })) as { inventory?: ConsoleInventory };
        if (cancelled || !screen.current) return;
        const url = consoleUrl(reply.inventory ?? {}, window.location);
        setStatus('connecting');
        const client = new RFB(screen.current, url, { wsProtocols: ['binary'] });
        rfb.current = client;
        client.scaleViewport = true;
        client.background = '#000';
        // events of a client replaced by a reconnect are ignored
        const on = (type: string, f: (e: Event) => void) => client.addEventListener(type, (e) => { if (rfb.current === client) f(e); });
        on('connect', () => { setStatus('connected'); client.focus(); });
        on('disconnect', (e) => {
          const clean = (e as CustomEvent<{ clean: boolean }>).detail?.clean;
          setStatus((s) => (clean && s === 'connected' ? 'closed' : 'failed'));
        });
        on('credentialsrequired', () => setStatus('password'));
        on('securityfailure', (e) => setReason((e as CustomEvent<{ reason?: string }>).detail?.reason));
        on('desktopname', (e) => setDesktop((e as CustomEvent<{ name: string }>).detail?.name));
      } catch (e) {
        if (!cancelled) {
          setError(e);
          setStatus('failed');
        }
      }
    })();
    return () => {
      cancelled = true;
      const client = rfb.current;
      rfb.current = undefined;
      client?.disconnect();
    };
  }, [uuid, attempt]);

  const reconnect = useCallback(() => setAttempt((a) => a + 1), []);
  const sendPassword = ({ password }: { password: string }) => {
    setStatus('connecting');
    rfb.current?.sendCredentials({ password });
  };

  return (
    <Card
      data-testid="vm-console"
      title={<Space>
        <Link to={`/resources/vm-instances/${uuid}`}><ArrowLeftOutlined /></Link>
        <span>{t('console.title', { name: vmName ?? uuid })}</span>
        <Tag color={COLORS[status]} data-testid="console-status" data-state={status}>{t(`console.status.${status}`)}</Tag>
        {desktop && <Typography.Text type="secondary" data-testid="console-desktop">{desktop}</Typography.Text>}
      </Space>}
      extra={<Space>
        <Button disabled={status !== 'connected'} onClick={() => rfb.current?.sendCtrlAltDel()} data-testid="console-ctrl-alt-del">{t('console.ctrlAltDel')}</Button>
        <Button icon={<ReloadOutlined />} onClick={reconnect} data-testid="console-reconnect">{t('console.reconnect')}</Button>
      </Space>}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {error !== undefined && <ErrorView error={error} onRetry={reconnect} />}
        {error === undefined && status === 'failed' && (
          <Alert type="error" showIcon data-testid="console-failed" message={t('console.failed')}
            description={reason ? t('console.failedReason', { reason }) : t('console.failedHint')} />
        )}
        {status === 'closed' && <Alert type="info" showIcon message={t('console.closed')} />}
        {status === 'password' && (
          <Form layout="inline" onFinish={sendPassword}>
            <Form.Item name="password" label={t('console.password')} rules={[{ required: true, message: t('form.required', { field: t('console.password') }) }]}>
              <Input.Password data-testid="console-password" autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="console-password-submit">{t('console.sendPassword')}</Button>
          </Form>
        )}
        <div ref={screen} data-testid="console-screen" style={{ width: '100%', height: '70vh', background: '#000' }} />
      </Space>
    </Card>
  );
}
