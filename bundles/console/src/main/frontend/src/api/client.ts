import { sha512 } from 'js-sha512';
import { ApiError, toApiError } from './errors';
import { pollJob, type JobProgress, type Reply } from './jobs';
import { buildQuery, type QuerySpec } from './query';

export const API_ROOT = '/zstack/v1';
const SESSION_KEY = 'kumo.session';

export interface Session {
  uuid: string;
  name: string;
}

type ExpiryHandler = (error: ApiError) => void;
let expiryHandler: ExpiryHandler = () => undefined;

/** Called when any call meets an expired session (the app goes back to the login page). */
export function onSessionExpired(handler: ExpiryHandler): void {
  expiryHandler = handler;
}

export function currentSession(): Session | null {
  try {
    const s = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    return s && typeof s.uuid === 'string' ? s : null;
  } catch {
    return null;
  }
}

function saveSession(s: Session | null): void {
  if (s) localStorage.setItem(SESSION_KEY, JSON.stringify(s));
  else localStorage.removeItem(SESSION_KEY);
}

export interface RequestOptions {
  body?: unknown;
  query?: URLSearchParams;
  accept?: string;
  anonymous?: boolean;
}

/** Sends a request to the API; returns status and body (JSON parsed, or text). Network failures are ApiErrors. */
export async function send(method: string, path: string, o: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { Accept: o.accept ?? 'application/json' };
  const session = currentSession();
  if (session && !o.anonymous) headers.Authorization = `OAuth ${session.uuid}`;
  if (o.body !== undefined) headers['Content-Type'] = 'application/json';
  const qs = o.query?.toString();
  let resp: Response;
  try {
    resp = await fetch(`${API_ROOT}${path}${qs ? `?${qs}` : ''}`, {
      method,
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
  } catch (e) {
    throw new ApiError(0, 'CONSOLE.NETWORK', 'The management node cannot be reached', String(e));
  }
  const text = await resp.text();
  let body: unknown = text;
  if ((resp.headers.get('Content-Type') ?? '').includes('json') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (resp.status === 401 && !o.anonymous) {
    const error = toApiError(401, body);
    if (error.sessionExpired) {
      saveSession(null);
      expiryHandler(error);
    }
  }
  return { status: resp.status, body };
}

/** Like send, but anything but 2xx throws the API's error. */
export async function call<T = Record<string, unknown>>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
  const r = await send(method, path, o);
  if (r.status < 200 || r.status >= 300) throw toApiError(r.status, r.body);
  return r.body as T;
}

export interface Page<T> {
  inventories: T[];
  total: number;
}

/** GET /<resources> with a query. */
export async function query<T = Record<string, unknown>>(path: string, spec: QuerySpec): Promise<Page<T>> {
  const b = await call<{ inventories?: T[]; total?: number }>('GET', path, { query: buildQuery(spec) });
  const inventories = b.inventories ?? [];
  return { inventories, total: b.total ?? inventories.length };
}

/** The CSV of a query (Accept: text/csv), every page. */
export async function queryCsv(path: string, spec: QuerySpec): Promise<string> {
  const { limit: _l, start: _s, replyWithCount: _r, ...rest } = spec;
  return call<string>('GET', path, { query: buildQuery(rest), accept: 'text/csv' });
}

/**
 * Sends a mutation; a 202 is followed to the end of its job, reporting progress.
 * @returns the job's result (or the immediate reply)
 */
export async function mutate(method: string, path: string, body: unknown, onProgress?: (p: JobProgress) => void): Promise<unknown> {
  const r = await send(method, path, { body });
  if (r.status === 202) {
    const location = (r.body as { location?: string }).location;
    if (!location) throw new ApiError(202, 'CONSOLE.JOB', 'The node accepted the request without a job location');
    return pollJob(location, { get: (p) => send('GET', p), onProgress });
  }
  if (r.status < 200 || r.status >= 300) throw toApiError(r.status, r.body);
  return r.body;
}

/** What a login may carry besides name and password (login protection, see docs/console.md). */
export interface LoginExtras {
  /** The captcha being answered (from GET /captcha/refresh) and its text (ZStack's captchaUuid and verifyCode). */
  captchaUuid?: string;
  verifyCode?: string;
  /** A TOTP code of the user's second factor, sent as the system tag twofatoken::<code>. */
  twoFactorCode?: string;
}

/** The body of PUT /accounts/login: only the fields in use are sent (the node refuses unknown parameters). */
export function loginBody(accountName: string, userName: string, password: string, extras: LoginExtras = {}): Record<string, unknown> {
  const params: Record<string, unknown> = { accountName, password: sha512(password) };
  if (userName) params.userName = userName;
  if (extras.captchaUuid) {
    params.captchaUuid = extras.captchaUuid;
    params.verifyCode = extras.verifyCode ?? '';
  }
  const body: Record<string, unknown> = userName ? { logInByUser: params } : { logInByAccount: params };
  if (extras.twoFactorCode) body.systemTags = [`twofatoken::${extras.twoFactorCode}`];
  return body;
}

/** Logs in by account (userName empty) or by user of an account; stores the session. */
export async function login(accountName: string, userName: string, password: string, extras: LoginExtras = {}): Promise<Session> {
  const body = loginBody(accountName, userName, password, extras);
  const b = await call<{ inventory: { uuid: string } }>('PUT', userName ? '/accounts/users/login' : '/accounts/login', { body, anonymous: true });
  const session = { uuid: b.inventory.uuid, name: userName ? `${accountName}/${userName}` : accountName };
  saveSession(session);
  return session;
}

/**
 * A captcha picture: a new one for the login name (ZStack's GetLoginCaptcha, GET /login/control/captcha), or a new
 * picture of the one being answered (ZStack's RefreshCaptcha, GET /captcha/refresh?uuid=).
 */
export async function fetchCaptcha(accountName: string, userName: string, uuid?: string): Promise<{ captchaUuid: string; captcha: string }> {
  const query = uuid ? new URLSearchParams({ uuid })
    : new URLSearchParams({ resourceName: userName ? `${accountName}/${userName}` : accountName, loginType: userName ? 'user' : 'account' });
  const b = await call<{ captchaUuid?: string; captcha?: string; inventory?: { captchaUuid?: string; captcha?: string } }>(
    'GET', uuid ? '/captcha/refresh' : '/login/control/captcha', { query, anonymous: true });
  const captchaUuid = b.captchaUuid ?? b.inventory?.captchaUuid;
  const captcha = b.captcha ?? b.inventory?.captcha;
  if (!captchaUuid || !captcha) throw new ApiError(200, 'CONSOLE.CAPTCHA', 'The node answered no captcha image');
  return { captchaUuid, captcha };
}

export async function logout(): Promise<void> {
  const s = currentSession();
  saveSession(null);
  if (s) {
    try {
      await send('DELETE', `/accounts/sessions/${s.uuid}`, { anonymous: true });
    } catch {
      // the session is forgotten here anyway
    }
  }
}
