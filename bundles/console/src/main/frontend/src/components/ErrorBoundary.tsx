import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useI18n } from '../i18n/I18n';

interface State {
  error?: Error;
}

/** Never a blank page: a render failure shows what broke and a way back. */
class Boundary extends Component<{ children: ReactNode; title: string; reload: string; home: string }, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={this.props.title}
        subTitle={this.state.error.message}
        extra={[
          <Button key="reload" type="primary" onClick={() => window.location.reload()}>{this.props.reload}</Button>,
          <Button key="home" onClick={() => { window.location.href = '/'; }}>{this.props.home}</Button>,
        ]}
      />
    );
  }
}

export function ErrorBoundary({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <Boundary title={t('error.crash')} reload={t('common.reload')} home={t('nav.dashboard')}>{children}</Boundary>;
}
