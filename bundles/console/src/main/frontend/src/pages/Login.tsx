import { Alert, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { fetchCaptcha, login } from '../api/client';
import { ApiError } from '../api/errors';
import { ErrorView } from '../components/ErrorView';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/I18n';
import { useConsoleConfig } from '../state/App';
import { Logo } from '../components/Logo';

/** Log in by account, or by user of an account; then back to where the user was. */
export function LoginPage({ onLogin }: { onLogin: () => void }) {
  const { t } = useI18n();
  const config = useConsoleConfig();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as { from?: string; expired?: boolean };
  const [mode, setMode] = useState<'account' | 'user'>('account');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // login protection: a captcha after too many failures, a TOTP code for a user with two factors
  const [captcha, setCaptcha] = useState<{ captchaUuid: string; captcha: string }>();
  const [twoFactor, setTwoFactor] = useState(false);
  const [form] = Form.useForm();
  const newCaptcha = async (accountName: string, userName: string, fresh = false) => {
    try {
      setCaptcha(await fetchCaptcha(accountName, userName, fresh ? undefined : captcha?.captchaUuid));
      form.setFieldValue('verifyCode', '');
    } catch (e) {
      setError(e);
    }
  };
  const submit = async (v: { accountName: string; userName?: string; password: string; verifyCode?: string; twoFactorCode?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await login(v.accountName, mode === 'user' ? v.userName ?? '' : '', v.password, {
        captchaUuid: captcha?.captchaUuid, verifyCode: v.verifyCode, twoFactorCode: twoFactor ? v.twoFactorCode : undefined,
      });
      onLogin();
      navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true });
    } catch (e) {
      setError(e);
      const userName = mode === 'user' ? v.userName ?? '' : '';
      // a captcha answers one attempt: a new one for the login name when asked, else a new picture
      if (e instanceof ApiError && e.captchaRequired) await newCaptcha(v.accountName, userName, true);
      else if (captcha) await newCaptcha(v.accountName, userName);
      if (e instanceof ApiError && e.twoFactorRequired) setTwoFactor(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 400 }}>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Space><Logo size={32} /><Typography.Title level={3} style={{ margin: 0 }}>{config.productName}</Typography.Title></Space>
            <LanguageSwitch />
          </Space>
          {state.expired && <Alert type="warning" showIcon message={t('login.expired')} data-testid="expired" />}
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button"
            options={[{ value: 'account', label: t('login.byAccount') }, { value: 'user', label: t('login.byUser') }]} />
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ accountName: 'admin' }}>
            <Form.Item name="accountName" label={t('login.account')} rules={[{ required: true, message: t('form.required', { field: t('login.account') }) }]}>
              <Input autoComplete="username" data-testid="login-account" />
            </Form.Item>
            {mode === 'user' && (
              <Form.Item name="userName" label={t('login.user')} rules={[{ required: true, message: t('form.required', { field: t('login.user') }) }]}>
                <Input data-testid="login-user" />
              </Form.Item>
            )}
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('form.required', { field: t('login.password') }) }]}>
              <Input.Password autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {twoFactor && (
              <Form.Item name="twoFactorCode" label={t('login.twoFactorCode')} extra={t('login.twoFactorHint')}
                rules={[{ required: true, pattern: /^\d{6,8}$/, message: t('login.twoFactorInvalid') }]}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} data-testid="login-totp" />
              </Form.Item>
            )}
            {captcha && (
              <Form.Item label={t('login.captcha')} extra={t('login.captchaHint')} required>
                <Space align="start">
                  <img src={`data:image/png;base64,${captcha.captcha}`} alt={t('login.captcha')} data-testid="login-captcha-image" height={40} />
                  <Button icon={<ReloadOutlined />} aria-label={t('login.captchaRefresh')} data-testid="login-captcha-refresh"
                    onClick={() => newCaptcha(form.getFieldValue('accountName'), mode === 'user' ? form.getFieldValue('userName') ?? '' : '')} />
                </Space>
                <Form.Item name="verifyCode" noStyle rules={[{ required: true, message: t('form.required', { field: t('login.captcha') }) }]}>
                  <Input autoComplete="off" data-testid="login-captcha" style={{ marginTop: 8 }} />
                </Form.Item>
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">{t('login.submit')}</Button>
          </Form>
          {error !== undefined && <ErrorView error={error} />}
        </Space>
      </Card>
    </div>
  );
}
