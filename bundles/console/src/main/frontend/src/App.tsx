import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { loadCapabilities, type Capabilities } from './api/capabilities';
import { currentSession, logout, onSessionExpired } from './api/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorView } from './components/ErrorView';
import { JobsPanel } from './components/JobsPanel';
import { LanguageSwitch } from './components/LanguageSwitch';
import { Logo } from './components/Logo';
import { I18nProvider, useI18n } from './i18n/I18n';
import { DashboardPage } from './pages/Dashboard';
import { LoginPage } from './pages/Login';
import { AdminRedirect, ResourcePage } from './pages/ResourcePage';
import { VmConsolePage } from './pages/VmConsole';
import { resources } from './resources/configs';
import { CapabilitiesContext, ConfigContext, DEFAULT_CONFIG, useConsoleConfig, type ConsoleConfig } from './state/App';
import { EventsProvider, useEvents } from './state/Events';
import { JobsProvider } from './state/Jobs';

const GROUPS = ['infrastructure', 'resources', 'network', 'compute', 'administration'] as const;

function Navigation() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = location.pathname.split('/').slice(0, 3).join('/') || '/';
  const items = [
    { key: '/', label: <span data-testid="nav-dashboard">{t('nav.dashboard')}</span> },
    ...GROUPS.map((g) => ({
      key: g, label: t(`nav.${g}`), type: 'group' as const,
      children: resources.filter((r) => r.group === g).map((r) => ({ key: `/resources/${r.key}`, label: <span data-testid={`nav-${r.key}`}>{t(r.title)}</span> })),
    })),
  ];
  return <Menu mode="inline" theme="dark" selectedKeys={[selected]} items={items} onClick={({ key }) => navigate(key)} />;
}

function Shell({ onLogout }: { onLogout: () => void }) {
  const { t } = useI18n();
  const config = useConsoleConfig();
  const { connected } = useEvents();
  const session = currentSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={0}>
        <Space style={{ padding: 16 }}><Logo /><Typography.Text strong style={{ color: '#fff', fontSize: 18 }} data-testid="product-name">{config.productName}</Typography.Text></Space>
        <Navigation />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, paddingInline: 16 }}>
          <Tag color={connected ? 'green' : 'default'} data-testid="live">{connected ? t('live.on') : t('live.off')}</Tag>
          <JobsPanel />
          <LanguageSwitch />
          <Typography.Text>{session?.name}</Typography.Text>
          <Button icon={<LogoutOutlined />} onClick={onLogout} data-testid="logout">{t('login.logout')}</Button>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <ErrorBoundary>
            <Routes>
              <Route path="/" element={<DashboardPage />} />
              <Route path="/resources/:key" element={<ResourcePage />} />
              <Route path="/resources/:key/:uuid" element={<ResourcePage />} />
              <Route path="/resources/vm-instances/:uuid/console" element={<VmConsolePage />} />
              <Route path="/admin/:key" element={<AdminRedirect />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Logged in: loads what the node serves, opens the event stream, shows the shell. */
function Authenticated({ onExpired, onLogout }: { onExpired: () => void; onLogout: () => void }) {
  const [caps, setCaps] = useState<Capabilities>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    setError(undefined);
    loadCapabilities().then(setCaps).catch(setError);
  }, []);
  useEffect(load, [load]);
  if (error !== undefined) return <div style={{ padding: 24 }}><ErrorView error={error} onRetry={load} /></div>;
  if (!caps) return <Spin fullscreen />;
  return (
    <CapabilitiesContext.Provider value={caps}>
      <EventsProvider session={currentSession()?.uuid ?? ''} onExpired={onExpired}>
        <Shell onLogout={onLogout} />
      </EventsProvider>
    </CapabilitiesContext.Provider>
  );
}

function Root() {
  const navigate = useNavigate();
  const location = useLocation();
  const [session, setSession] = useState(currentSession());
  const expired = useCallback(() => {
    setSession(null);
    const from = `${window.location.pathname}${window.location.search}`;
    navigate('/login', { replace: true, state: { from, expired: true } });
  }, [navigate]);
  useEffect(() => onSessionExpired(expired), [expired]);
  const doLogout = async () => {
    await logout();
    setSession(null);
    navigate('/login', { replace: true });
  };
  if (location.pathname === '/login') return <LoginPage onLogin={() => setSession(currentSession())} />;
  if (!session) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <JobsProvider><Authenticated onExpired={expired} onLogout={doLogout} /></JobsProvider>;
}

function Themed() {
  const { lang } = useI18n();
  const [config, setConfig] = useState<ConsoleConfig>(DEFAULT_CONFIG);
  useEffect(() => {
    fetch('/console-config.json')
      .then((r) => (r.ok ? r.json() : DEFAULT_CONFIG))
      .then((c: ConsoleConfig) => setConfig({ ...DEFAULT_CONFIG, ...c }))
      .catch(() => undefined); // the defaults stay
  }, []);
  useEffect(() => {
    document.title = config.productName;
  }, [config.productName]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS}>
      <AntApp>
        <ConfigContext.Provider value={config}>
          <ErrorBoundary>
            <BrowserRouter>
              <Root />
            </BrowserRouter>
          </ErrorBoundary>
        </ConfigContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
