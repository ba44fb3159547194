// Helpers shared by the console's end-to-end scripts (console.e2e.mjs, identity.e2e.mjs): Debian's Chromium driven by
// playwright-core (no browser is downloaded), the node's address and screenshots from the environment
// (KUMO_URL, KUMO_SCREENSHOTS, KUMO_CHROMIUM).
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(join(here, '../../main/frontend/package.json'));
const { chromium } = require('playwright-core');

export const BASE = (process.env.KUMO_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const SHOTS = resolve(process.env.KUMO_SCREENSHOTS ?? 'console-screenshots');
export const CHROMIUM = process.env.KUMO_CHROMIUM ?? '/usr/bin/chromium';
export const RUN = Math.random().toString(16).slice(2, 8);
export const TIMEOUT = 60_000;

mkdirSync(SHOTS, { recursive: true });
let shot = 0;
export const log = (...a) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}]`, ...a);

export async function screenshot(page, name) {
  const file = join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log('screenshot', file);
}

/** Chooses an option of an Ant Design select (by its data-testid) whose label contains text. */
export async function choose(page, testId, text) {
  await page.getByTestId(testId).click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor({ timeout: TIMEOUT });
  await option.click();
  // a multiple select keeps its list open: close it by clicking the dialog's title (Escape would close the dialog)
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  if (await open.isVisible().catch(() => false)) await page.locator('.ant-modal-wrap:visible .ant-modal-title').last().click();
  await open.waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/** Waits until the open modal closes (success) or shows an API error (failure, thrown with its text). */
export async function awaitModalOutcome(page, what) {
  const modal = page.locator('.ant-modal-wrap:visible').last();
  const error = modal.getByTestId('error');
  const deadline = Date.now() + TIMEOUT * 2;
  while (Date.now() < deadline) {
    if (await error.isVisible().catch(() => false)) throw new Error(`${what} failed: ${await error.innerText()}`);
    if (!(await modal.isVisible().catch(() => false))) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`${what}: the dialog is still open after ${TIMEOUT * 2} ms`);
}

export async function openList(page, key) {
  await page.getByTestId(`nav-${key}`).click();
  await page.waitForURL(`**/resources/${key}**`);
  await page.locator('.ant-table').waitFor({ timeout: TIMEOUT });
}

/** Opens a list and checks that it shows the named row and no error; takes its screenshot. */
export async function checkList(page, key, name) {
  await openList(page, key);
  await page.getByTestId(`row-${name}`).waitFor({ timeout: TIMEOUT });
  if (await page.getByTestId('error').count()) throw new Error(`${key}: the list shows an error: ${await page.getByTestId('error').first().innerText()}`);
  await screenshot(page, `list-${key}`);
  log('listed', key, name);
}

/** The console's formatBytes (resources/format.ts), to compare the dashboard's figures with the API's. */
export function formatBytes(v) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  let x = Math.abs(v);
  while (x >= 1024 && i < units.length - 1) { x /= 1024; i++; }
  const s = x >= 100 || i === 0 ? String(Math.round(x)) : x.toFixed(1).replace(/\.0$/, '');
  return `${v < 0 ? '-' : ''}${s} ${units[i]}`;
}

/** GET on the API with the page's session. */
export async function apiGet(page, path) {
  return page.evaluate(async (p) => {
    const session = JSON.parse(localStorage.getItem('kumo.session')).uuid;
    const r = await fetch(`/zstack/v1${p}`, { headers: { Authorization: `OAuth ${session}` } });
    if (!r.ok) throw new Error(`GET ${p}: ${r.status} ${await r.text()}`);
    return r.json();
  }, path);
}

/** A request on the API with the page's session; returns the parsed body. */
export async function apiSend(page, method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const session = JSON.parse(localStorage.getItem('kumo.session')).uuid;
    const r = await fetch(`/zstack/v1${p}`, { method: m, headers: { Authorization: `OAuth ${session}`, 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
    if (!r.ok) throw new Error(`${m} ${p}: ${r.status} ${await r.text()}`);
    return r.json();
  }, [method, path, body]);
}

/** Opens a list, fills the create form (text fields by name, selects by [testId, text]) and waits for the row. */
export async function create(page, key, name, { text = {}, selects = [] } = {}, expectProgress = false) {
  await openList(page, key);
  await page.getByTestId('create').click();
  await page.getByTestId('field-name').fill(name);
  for (const [field, value] of Object.entries(text)) await page.getByTestId(`field-${field}`).fill(String(value));
  for (const [field, value] of selects) await choose(page, `field-${field}`, value);
  await page.getByTestId('create-submit').click();
  if (expectProgress) await page.getByTestId('job-progress').waitFor({ timeout: TIMEOUT }).catch(() => log('no progress bar seen (the job was quick)'));
  await awaitModalOutcome(page, `create ${key} ${name}`);
  await page.getByTestId(`row-${name}`).waitFor({ timeout: TIMEOUT });
  log('created', key, name);
}

/** Runs an action of a row through its menu and confirmation; waits for the state (if given) in the row. */
export async function act(page, name, action, fields = []) {
  await page.getByTestId(`actions-${name}`).click();
  await page.getByTestId(`action-${action}`).click();
  for (const [field, value] of fields) await choose(page, `field-${field}`, value);
  await confirm(page);
  await awaitModalOutcome(page, `${action} ${name}`);
  log('action', action, name);
}

/**
 * Clicks the confirm button of the open dialog once its opening animation (Ant Design's zoom, 0.3 s) is over: a
 * click during it can land on a dialog that a list refresh is re-rendering, and be lost.
 */
export async function confirm(page) {
  const button = page.locator('#confirm-action');
  await button.waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.waitForTimeout(400);
  await button.click();
}

export async function rowState(page, name) {
  return page.locator('tr', { has: page.getByTestId(`row-${name}`) }).locator('.ant-tag').first().innerText();
}

export async function waitRowState(page, name, wanted) {
  const deadline = Date.now() + TIMEOUT;
  let last;
  while (Date.now() < deadline) {
    last = await rowState(page, name).catch(() => undefined);
    if (last === wanted) return;
    await page.waitForTimeout(300);
  }
  throw new Error(`${name}: state ${last}, expected ${wanted}`);
}

export async function waitFor(condition, what) {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out: ${what}`);
}

export async function login(page) {
  await page.getByTestId('login-account').fill('admin');
  await page.getByTestId('login-password').fill('password');
  await page.getByTestId('login-submit').click();
}

export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') { if (c === '\r' && text[i + 1] === '\n') i++; row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/**
 * Opens Chromium on a fresh profile, runs the scenario with its page, fails on uncaught page errors, screenshots a
 * failure, and exits the process (0 passed, 1 failed).
 */
export async function run(scenario) {
  const profile = mkdtempSync(join(tmpdir(), 'kumo-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  let code = 0;
  try {
    await scenario(page);
    if (consoleErrors.length) throw new Error(`uncaught errors in the page: ${consoleErrors.join('; ')}`);
    log('passed');
  } catch (e) {
    code = 1;
    console.error('[e2e] FAILED:', e?.stack ?? e);
    await screenshot(page, 'failure').catch(() => undefined);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  process.exit(code);
}
