/** Login protection's error codes (401): a captcha must be answered; a TOTP code must be given. */
export const CAPTCHA_REQUIRED = 'ID.1005';
export const TWO_FACTOR_REQUIRED = 'ID.1006';

/** An error answered by the API ({"error":{"code","description","details"}}) or met on the way to it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly details?: string,
  ) {
    super(details ? `${description}: ${details}` : description);
    this.name = 'ApiError';
  }

  /** True when the login needs a captcha answered (ID.1005: too many failed logins, or a wrong or stale captcha). */
  get captchaRequired(): boolean {
    return this.code === CAPTCHA_REQUIRED;
  }

  /** True when the login needs a TOTP code of the user's second factor (ID.1006: missing or wrong code). */
  get twoFactorRequired(): boolean {
    return this.code === TWO_FACTOR_REQUIRED;
  }

  /** True for a missing, expired or logged-out session. */
  get sessionExpired(): boolean {
    return this.status === 401 && this.code === 'ID.1001';
  }
}

/** Builds an ApiError from a reply body, whatever its shape. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; description?: string; details?: string } } | null)?.error;
  if (error && typeof error === 'object') {
    return new ApiError(status, error.code ?? `HTTP.${status}`, error.description ?? `HTTP ${status}`, error.details);
  }
  return new ApiError(status, `HTTP.${status}`, `HTTP ${status}`, typeof body === 'string' ? body.slice(0, 300) : undefined);
}

/** The i18n key of the advice for an error code: what the user can do next. */
export function adviceKey(error: ApiError): string {
  if (error.status === 0) return 'error.advice.network';
  const byCode: Record<string, string> = {
    'ID.1001': 'error.advice.login',
    'ID.1003': 'error.advice.credentials',
    'ID.1002': 'error.advice.permission',
    'ID.1005': 'error.advice.captcha',
    'ID.1006': 'error.advice.twoFactor',
    'SYS.1004': 'error.advice.notServed',
    'SYS.1006': 'error.advice.notFound',
    'SYS.1007': 'error.advice.fixInput',
    'SYS.1003': 'error.advice.fixInput',
    'SYS.1008': 'error.advice.state',
    'SYS.1009': 'error.advice.conflict',
    'ALLOC.1001': 'error.advice.capacity',
    'SYS.1010': 'error.advice.unavailable',
    'SYS.1011': 'error.advice.query',
    'SYS.1001': 'error.advice.jobFailed',
    'SYS.1002': 'error.advice.retry',
    'SYS.1013': 'error.advice.unavailable',
  };
  return byCode[error.code] ?? 'error.advice.generic';
}
