// End-to-end test of the console's identity, audit and login-protection pages (issue 5's APIs, at ZStack's paths).
// Usage (from src/main/frontend, after npm ci):
//   KUMO_URL=http://127.0.0.1:8080 KUMO_SCREENSHOTS=/tmp/shots node ../../test/e2e/identity.e2e.mjs
// Needs a node serving /accounts, /accounts/users, /accounts/groups, /accounts/policies, /accounts/quotas,
// /accounts/sessions, /audits, /operation-logs, the captcha and two-factor routes; fails naming every route missing.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BASE, RUN, TIMEOUT, log, screenshot, openList, checkList, apiGet, apiSend, create, act, waitFor, login, parseCsv, run,
} from './helpers.mjs';

const require = createRequire(join(fileURLToPath(new URL('.', import.meta.url)), '../../main/frontend/package.json'));
const { sha512 } = require('js-sha512');

const ROUTES = [['GET', '/accounts'], ['POST', '/accounts'], ['GET', '/accounts/users'], ['POST', '/accounts/users'],
  ['GET', '/accounts/groups'], ['POST', '/accounts/groups'], ['GET', '/accounts/policies'], ['POST', '/accounts/policies'],
  ['POST', '/accounts/users/{userUuid}/policies'], ['POST', '/accounts/groups/{groupUuid}/users'], ['GET', '/accounts/quotas'],
  ['PUT', '/accounts/quotas/actions'], ['GET', '/accounts/sessions'], ['DELETE', '/accounts/sessions/{uuid}'],
  ['GET', '/audits'], ['GET', '/operation-logs'], ['GET', '/login/control/captcha'], ['GET', '/captcha/refresh'],
  ['PUT', '/accounts/users/login'], ['POST', '/accounts/two-factor-authentication'], ['PUT', '/accounts/two-factor-authentication/actions']];

/** Fails unless the node serves every route these pages use (path variables match any name). */
async function requireRoutes() {
  const doc = await (await fetch(`${BASE}/zstack/v1/openapi.json`)).json();
  const shape = (p) => p.replace(/\{[^}]+\}/g, '{}');
  const served = new Set(Object.entries(doc.paths ?? {}).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${shape(p)}`)));
  const missing = ROUTES.filter(([m, p]) => !served.has(`${m} ${shape(p)}`)).map(([m, p]) => `${m} ${p}`);
  if (missing.length) throw new Error(`the node does not serve: ${missing.join(', ')}`);
}

/** PUT /accounts/login (or /accounts/users/login for logInByUser) as anonymous; returns status and body. */
async function tryLogin(body) {
  const r = await fetch(`${BASE}/zstack/v1/accounts/${body.logInByUser ? 'users/' : ''}login`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json().catch(() => ({})) };
}

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits) of a base32 secret. */
function totp(secret, now = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 30000)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function exportCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  return parseCsv(readFileSync(await download.path(), 'utf8'));
}

async function identity(page) {
  const account = `acct-${RUN}`;
  await create(page, 'accounts', account, { text: { password: 'first-password' } });
  await screenshot(page, 'accounts');
  const acct = (await apiGet(page, `/accounts?q=name=${account}`)).inventories[0];
  const csv = await exportCsv(page);
  if (!csv.slice(1).some((r) => r[csv[0].indexOf('name')] === account)) throw new Error(`the accounts CSV lacks ${account}`);

  // change its password through the form; the new one logs in, the old one does not
  await page.getByTestId(`actions-${account}`).click();
  await page.getByTestId('action-changePassword').click();
  await page.getByTestId('field-password').fill('second-password');
  await page.locator('#confirm-action').click();
  await waitFor(async () => (await tryLogin({ logInByAccount: { accountName: account, password: sha512('second-password') } })).status === 200,
    'the changed password logs in');
  if ((await tryLogin({ logInByAccount: { accountName: account, password: sha512('first-password') } })).status !== 401) throw new Error('the old password still logs in');

  // users, a policy attached to one, a group the user joins
  const user = `user-${RUN}`;
  await create(page, 'users', user, { text: { password: 'user-password' } });
  const policy = `policy-${RUN}`;
  await create(page, 'policies', policy);
  await checkList(page, 'policies', policy);
  const group = `group-${RUN}`;
  await create(page, 'user-groups', group);
  await openList(page, 'users');
  await act(page, user, 'attachPolicy', [['policyUuid', policy]]);
  await act(page, user, 'addToGroup', [['groupUuid', group]]);
  const userUuid = (await apiGet(page, `/accounts/users?q=name=${user}`)).inventories[0].uuid;
  const attached = await apiGet(page, `/accounts/policies?q=user.uuid=${userUuid}`).catch(() => null);
  if (attached && !attached.inventories.some((p) => p.name === policy)) throw new Error(`${policy} is not attached to ${user}`);
  await screenshot(page, 'users');

  // quotas: the account's vm.num limit changed from its detail page (a quota is listed once it has a value of its own:
  // the admin sets the default first, as an operator would from the API)
  await apiSend(page, 'PUT', '/accounts/quotas/actions', { updateQuota: { identityUuid: acct.uuid, name: 'vm.num', value: 20 } });
  const quota = (await apiGet(page, `/accounts/quotas?q=identityUuid=${acct.uuid}&q=name=vm.num`)).inventories[0];
  if (!quota) throw new Error(`no vm.num quota for ${account}`);
  await page.goto(`${BASE}/resources/quotas/${quota.uuid}`);
  await page.getByTestId('detail').waitFor({ timeout: TIMEOUT });
  await page.getByTestId('action-updateQuota').click();
  await page.getByTestId('field-value').fill('7');
  await page.locator('#confirm-action').click();
  await waitFor(async () => Number((await apiGet(page, `/accounts/quotas?q=identityUuid=${acct.uuid}&q=name=vm.num`)).inventories[0].value) === 7,
    'the quota is 7');
  await screenshot(page, 'quota');

  // sessions: the account's session (logged in above) is listed and logged out from the page
  const session = (await tryLogin({ logInByAccount: { accountName: account, password: sha512('second-password') } })).body.inventory.uuid;
  await page.goto(`${BASE}/resources/sessions?q=${session}`);
  await page.getByTestId(`row-${session}`).waitFor({ timeout: TIMEOUT });
  await act(page, session, 'logOut');
  await page.getByTestId(`row-${session}`).waitFor({ state: 'detached', timeout: TIMEOUT });
  await screenshot(page, 'sessions');

  // audit and operation log: what was just done is there, and exports as CSV
  await openList(page, 'audit');
  const search = page.locator('input[data-testid=search], [data-testid=search] input').first();
  await search.fill('CreateAccount');
  await search.press('Enter');
  await waitFor(async () => (await page.locator('.ant-table-tbody tr.ant-table-row').count()) > 0, 'the audit lists CreateAccount');
  const audit = await exportCsv(page);
  if (audit.length < 2 || audit[0].indexOf('apiName') < 0) throw new Error(`audit CSV: ${JSON.stringify(audit.slice(0, 2))}`);
  await screenshot(page, 'audit');
  await openList(page, 'operation-log');
  await waitFor(async () => (await page.locator('.ant-table-tbody tr.ant-table-row').count()) > 0, 'the operation log has entries');
  const ops = await exportCsv(page);
  if (ops.length < 2) throw new Error('the operation log CSV is empty');
  await screenshot(page, 'operation-log');
  return { account, user, userUuid };
}

/** Six failed logins ask for a captcha: the login page shows its picture and field; a new picture on request. */
async function captcha(page, account) {
  await page.getByTestId('logout').click();
  await page.waitForURL('**/login');
  await page.getByTestId('login-account').fill(account);
  for (let i = 0; i < 7 && !(await page.getByTestId('login-captcha-image').isVisible().catch(() => false)); i++) {
    await page.getByTestId('login-password').fill(`wrong-${i}`);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('error').waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(300);
  }
  const image = page.getByTestId('login-captcha-image');
  await image.waitFor({ timeout: TIMEOUT });
  const first = await image.getAttribute('src');
  if (!first?.startsWith('data:image/png;base64,') || first.length < 100) throw new Error(`captcha picture: ${first?.slice(0, 60)}`);
  await page.getByTestId('login-captcha-refresh').click();
  await waitFor(async () => (await image.getAttribute('src')) !== first, 'a new captcha picture');
  // the right password without the captcha's text is still refused, by the API too
  const r = await tryLogin({ logInByAccount: { accountName: account, password: sha512('second-password') } });
  if (r.status !== 401 || r.body?.error?.code !== 'ID.1005') throw new Error(`login without captcha: ${r.status} ${JSON.stringify(r.body)}`);
  await screenshot(page, 'login-captcha');
  log('captcha asked after failed logins of', account);
}

/** A user with two factors: the login page asks for the code; a computed TOTP code logs in. */
async function twoFactor(page, createdAccount, user, userUuid) {
  // a user belongs to the account that created it: here the admin, logged in to the console
  const owner = (await apiGet(page, `/accounts/users?q=uuid=${userUuid}`)).inventories[0].accountUuid;
  const account = (await apiGet(page, `/accounts?q=uuid=${owner}`)).inventories[0].name;
  // the user's password as this test knows it, set by the admin (the create form's password field is filled by the generic helper)
  await apiSend(page, 'PUT', `/accounts/users/${userUuid}`, { updateUser: { password: sha512('user-password') } });
  // enrol as the user (POST /accounts/two-factor-authentication), then enable it with a first code
  const login = await tryLogin({ logInByUser: { accountName: account, userName: user, password: sha512('user-password') } });
  if (login.status !== 200) throw new Error(`user login: ${login.status} ${JSON.stringify(login.body)}`);
  const s = login.body.inventory.uuid;
  const auth = { Authorization: `OAuth ${s}`, 'Content-Type': 'application/json' };
  const secret = await (await fetch(`${BASE}/zstack/v1/accounts/two-factor-authentication`, { method: 'POST', headers: auth, body: JSON.stringify({ params: {} }) })).json();
  const key = secret.inventory?.secret ?? secret.secret;
  if (!key) throw new Error(`no two-factor secret: ${JSON.stringify(secret)}`);
  const verified = await fetch(`${BASE}/zstack/v1/accounts/two-factor-authentication/actions`, { method: 'PUT', headers: auth,
    body: JSON.stringify({ verifyTwoFactorAuthentication: { verifyCode: totp(key) } }) });
  if (!verified.ok) throw new Error(`enrolling: ${verified.status} ${await verified.text()}`);
  const usedWindow = Math.floor(Date.now() / 30000); // a code is accepted once: log in with the next one

  await page.goto(`${BASE}/login`);
  await page.getByRole('radio', { name: 'User of an account' }).check({ force: true }).catch(() => page.getByText('User of an account').click());
  await page.getByTestId('login-account').fill(account);
  await page.getByTestId('login-user').fill(user);
  await page.getByTestId('login-password').fill('user-password');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-totp').waitFor({ timeout: TIMEOUT });
  await screenshot(page, 'login-totp');
  while (Math.floor(Date.now() / 30000) === usedWindow) await page.waitForTimeout(1000);
  await page.getByTestId('login-totp').fill(totp(key));
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard').waitFor({ timeout: TIMEOUT });
  log('logged in as', `${account}/${user}`, `(${userUuid}) with a TOTP code`);
}

await run(async (page) => {
  await requireRoutes();
  await page.goto(`${BASE}/`);
  await page.waitForURL('**/login');
  await login(page);
  await page.getByTestId('dashboard').waitFor({ timeout: TIMEOUT });
  const { account, user, userUuid } = await identity(page);
  await twoFactor(page, account, user, userUuid);
  await captcha(page, account);
});
