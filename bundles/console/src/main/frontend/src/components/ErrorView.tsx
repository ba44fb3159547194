import { Alert, Button, Space } from 'antd';
import { ApiError, adviceKey } from '../api/errors';
import { useI18n } from '../i18n/I18n';

/** An error as the API described it, its details, and what to do next. */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const e = error instanceof ApiError ? error : new ApiError(-1, 'CONSOLE.ERROR', String((error as Error)?.message ?? error));
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error"
      message={`${e.description}${e.code && e.status >= 0 ? ` (${e.code})` : ''}`}
      description={
        <Space direction="vertical">
          {e.details && <span>{e.details}</span>}
          <span>{t(e.status < 0 ? 'error.advice.generic' : adviceKey(e))}</span>
          {onRetry && <Button size="small" onClick={onRetry}>{t('common.retry')}</Button>}
        </Space>
      }
    />
  );
}
