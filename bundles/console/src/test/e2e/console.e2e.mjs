// End-to-end test of the web console on a running management node, with Debian's Chromium driven by playwright-core
// (no browser is downloaded). Usage (from src/main/frontend, after npm ci):
//   KUMO_URL=http://127.0.0.1:8080 KUMO_SCREENSHOTS=/tmp/shots node ../../test/e2e/console.e2e.mjs
// KUMO_E2E_COMPUTE: "require" (default: the compute part runs and the node must serve the compute API) or "skip"
// (only the kernel's pages). Exits non-zero on the first failure, with a screenshot of the page.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import {
  BASE, RUN, TIMEOUT, log, screenshot, choose, awaitModalOutcome, openList, checkList, formatBytes, apiGet, apiSend, create, act,
  waitRowState, waitFor, login, parseCsv, run,
} from './helpers.mjs';

const COMPUTE = process.env.KUMO_E2E_COMPUTE || 'require';
if (!['require', 'skip'].includes(COMPUTE)) throw new Error(`KUMO_E2E_COMPUTE must be require or skip, not ${COMPUTE}`);

/**
 * A fake VNC server (RFB 3.8, no authentication) on 127.0.0.1: a WIDTH x HEIGHT desktop named NAME filled with one
 * colour, sent raw on every full update request. Records what the client sent (its key events).
 */
function fakeVnc(name, width, height, rgb) {
  const seen = { clients: 0, updateRequests: 0, keys: [] };
  const server = createServer((socket) => {
    seen.clients++;
    let buf = Buffer.alloc(0);
    let stage = 'version';
    let bpp = 4;
    socket.write('RFB 003.008\n');
    const frame = () => {
      const head = Buffer.alloc(16);
      head.writeUInt8(0, 0); head.writeUInt16BE(1, 2); // FramebufferUpdate, 1 rectangle
      head.writeUInt16BE(0, 4); head.writeUInt16BE(0, 6); head.writeUInt16BE(width, 8); head.writeUInt16BE(height, 10);
      head.writeInt32BE(0, 12); // raw
      const px = Buffer.alloc(width * height * bpp);
      // the client's format (noVNC: 32 bpp, little endian, red shift 0, green 8, blue 16)
      for (let i = 0; i < width * height; i++) { px[i * 4] = rgb[0]; px[i * 4 + 1] = rgb[1]; px[i * 4 + 2] = rgb[2]; }
      socket.write(Buffer.concat([head, px]));
    };
    const need = { 0: () => 20, 2: (b) => (b.length >= 4 ? 4 + 4 * b.readUInt16BE(2) : Infinity), 3: () => 10, 4: () => 8, 5: () => 6,
      6: (b) => (b.length >= 8 ? 8 + b.readUInt32BE(4) : Infinity) };
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (stage === 'version') {
          if (buf.length < 12) return;
          buf = buf.subarray(12); stage = 'security';
          socket.write(Buffer.from([1, 1])); // one type: None
        } else if (stage === 'security') {
          if (buf.length < 1) return;
          buf = buf.subarray(1); stage = 'init';
          socket.write(Buffer.from([0, 0, 0, 0])); // SecurityResult OK
        } else if (stage === 'init') {
          if (buf.length < 1) return;
          buf = buf.subarray(1); stage = 'normal';
          const init = Buffer.alloc(24);
          init.writeUInt16BE(width, 0); init.writeUInt16BE(height, 2);
          Buffer.from([32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0]).copy(init, 4);
          init.writeUInt32BE(Buffer.byteLength(name), 20);
          socket.write(Buffer.concat([init, Buffer.from(name)]));
        } else {
          if (buf.length < 1) return;
          const type = buf[0];
          if (!(type in need)) { socket.destroy(); return; }
          const n = need[type](buf);
          if (buf.length < n) return;
          const msg = buf.subarray(0, n);
          buf = buf.subarray(n);
          if (type === 0) bpp = msg[4] / 8;
          if (type === 3 && msg[1] === 0) { seen.updateRequests++; frame(); } // incremental requests wait: nothing changes
          if (type === 4) seen.keys.push({ down: msg[1] === 1, keysym: msg.readUInt32BE(4) });
        }
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, port: server.address().port, seen })));
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

/**
 * The VM console: from the VM's actions to the console page, which requests access (POST /consoles) and opens the
 * node's console proxy in noVNC. First with no display behind the proxy (a clear error), then with a fake VNC server
 * (connected: its desktop name, size and colour on the canvas; Ctrl+Alt+Del reaches it as key events).
 */
async function vmConsole(page, vm) {
  await apiSend(page, 'PUT', '/simulators/actions', { configureSimulatorConsole: { hostname: '127.0.0.1', port: await closedPort() } });
  await openList(page, 'vm-instances');
  await page.getByTestId(`actions-${vm}`).click();
  await page.getByTestId('action-console').click();
  await page.waitForURL('**/resources/vm-instances/*/console');
  const status = page.getByTestId('console-status');
  await waitFor(async () => (await status.getAttribute('data-state')) === 'failed', 'the console says it could not connect to a VM without a display');
  await page.getByTestId('console-failed').waitFor();
  await screenshot(page, 'vm-console-no-display');

  const vnc = await fakeVnc('kumo-e2e-display', 320, 200, [0, 128, 255]);
  try {
    await apiSend(page, 'PUT', '/simulators/actions', { configureSimulatorConsole: { hostname: '127.0.0.1', port: vnc.port } });
    await page.getByTestId('console-reconnect').click();
    await waitFor(async () => (await status.getAttribute('data-state')) === 'connected', 'the console connects to the fake VNC server');
    await page.getByTestId('console-desktop').filter({ hasText: 'kumo-e2e-display' }).waitFor();
    await waitFor(async () => {
      const px = await page.evaluate(() => {
        const c = document.querySelector('[data-testid=console-screen] canvas');
        if (!c || c.width !== 320 || c.height !== 200) return null;
        return Array.from(c.getContext('2d').getImageData(160, 100, 1, 1).data);
      });
      return px && px[0] === 0 && px[1] === 128 && px[2] === 255;
    }, 'the canvas shows the 320x200 desktop in its colour');
    await page.getByTestId('console-ctrl-alt-del').click();
    await waitFor(async () => vnc.seen.keys.some((k) => k.down && k.keysym === 0xffff), 'Ctrl+Alt+Del reaches the VNC server');
    if (vnc.seen.clients !== 1) throw new Error(`the fake VNC server saw ${vnc.seen.clients} connections, expected 1`);
    await screenshot(page, 'vm-console');
    log('console connected through the proxy:', vnc.seen.updateRequests, 'update request(s), keys', vnc.seen.keys.map((k) => k.keysym.toString(16)).join(','));
  } finally {
    vnc.server.close();
  }
  await page.getByTestId('nav-vm-instances').click();
}

async function basics(page) {
  await page.goto(`${BASE}/`);
  await page.waitForURL('**/login');
  await screenshot(page, 'login');
  await login(page);
  await page.getByTestId('dashboard').waitFor({ timeout: TIMEOUT });
  await page.getByTestId('live').filter({ hasText: 'Live' }).waitFor({ timeout: TIMEOUT });
  await screenshot(page, 'dashboard');

  const zone = `zone-${RUN}`;
  await create(page, 'zones', zone, { text: { description: 'created by the console e2e test' } });
  await screenshot(page, 'zones');

  // server-side search
  const search = page.locator('input[data-testid=search], [data-testid=search] input').first();
  await search.fill(zone);
  await search.press('Enter');
  await page.waitForURL(`**q=${zone}**`);
  await waitFor(async () => (await page.locator('.ant-table-tbody tr.ant-table-row').count()) === 1, `search for ${zone} shows one row`);

  // detail, then disable through an action and see the live state
  await page.getByTestId(`row-${zone}`).click();
  await page.getByTestId('detail').waitFor();
  await page.getByText('created by the console e2e test').waitFor();
  await screenshot(page, 'zone-detail');
  await page.goBack();
  await act(page, zone, 'disable');
  await waitRowState(page, zone, 'Disabled');
  await act(page, zone, 'enable');
  await waitRowState(page, zone, 'Enabled');

  // CSV export of the search
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
  const header = csv[0];
  const nameCol = header.indexOf('name');
  if (header.indexOf('uuid') < 0 || nameCol < 0) throw new Error(`CSV header: ${header}`);
  const found = csv.slice(1).filter((r) => r[nameCol] === zone);
  if (found.length !== 1) throw new Error(`CSV has ${found.length} rows named ${zone}: ${JSON.stringify(csv)}`);
  log('CSV', csv.length - 1, 'row(s), columns', header.length);

  // language: Chinese, persisted across a reload, then back to English
  await page.getByTestId('language').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '简体中文' }).click();
  await page.getByTestId('nav-zones').filter({ hasText: '区域' }).waitFor();
  await page.reload();
  await page.getByTestId('nav-zones').filter({ hasText: '区域' }).waitFor({ timeout: TIMEOUT });
  await screenshot(page, 'zones-zh');
  await page.getByTestId('language').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'English' }).click();
  await page.getByTestId('nav-zones').filter({ hasText: 'Zones' }).waitFor();

  // the administration pages appear with their APIs: the built-in admin account is listed
  await checkList(page, 'accounts', 'admin');

  // an expired session: back to login with a message, then back to the same page
  await openList(page, 'zones');
  const where = new URL(page.url()).pathname + new URL(page.url()).search;
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('kumo.session')).uuid);
  await page.evaluate((s) => fetch(`/zstack/v1/accounts/sessions/${s}`, { method: 'DELETE' }), session);
  await page.locator('.ant-card-extra button[aria-label]').last().click(); // refresh the list with the dead session
  await page.getByTestId('expired').waitFor({ timeout: TIMEOUT });
  await screenshot(page, 'session-expired');
  await login(page);
  await page.waitForURL((u) => u.pathname + u.search === where, { timeout: TIMEOUT });
  await page.getByTestId(`row-${zone}`).waitFor({ timeout: TIMEOUT });
  log('back at', where, 'after logging in again');
  return zone;
}

async function compute(page, zone) {
  const n = (p) => `${p}-${RUN}`;
  await create(page, 'clusters', n('cluster'), { selects: [['zoneUuid', zone]] });
  await screenshot(page, 'clusters');
  await create(page, 'hosts', n('host'), { text: { managementIp: `10.${Math.floor(Math.random() * 200)}.0.1` }, selects: [['clusterUuid', n('cluster')]] });
  await screenshot(page, 'hosts');
  await create(page, 'primary-storage', n('ps'), { selects: [['zoneUuid', zone]] });
  await act(page, n('ps'), 'attachToCluster', [['clusterUuid', n('cluster')]]);
  await screenshot(page, 'primary-storage');
  await create(page, 'backup-storage', n('bs'));
  await act(page, n('bs'), 'attachToZone', [['zoneUuid', zone]]);
  await screenshot(page, 'backup-storage');
  await create(page, 'images', n('image'), { selects: [['backupStorageUuids', n('bs')]] });
  await screenshot(page, 'images');
  await create(page, 'instance-offerings', n('offering'));
  await screenshot(page, 'instance-offerings');
  await create(page, 'disk-offerings', n('disk'));
  await create(page, 'l2-networks', n('l2'), { selects: [['zoneUuid', zone]] });
  await act(page, n('l2'), 'attachToCluster', [['clusterUuid', n('cluster')]]);
  await screenshot(page, 'l2-networks');
  await create(page, 'l3-networks', n('l3'), { selects: [['l2NetworkUuid', n('l2')]] });
  await screenshot(page, 'l3-networks');
  await create(page, 'ip-ranges', n('range'), { selects: [['l3NetworkUuid', n('l3')]] });
  await screenshot(page, 'ip-ranges');

  // the VM wizard: name, offering, image, network, placement; its job's progress shows
  const vm = n('vm');
  await openList(page, 'vm-instances');
  await page.getByTestId('create').click();
  await page.getByTestId('field-name').fill(vm);
  await page.getByTestId('create-submit').click();
  await choose(page, 'field-instanceOfferingUuid', n('offering'));
  await page.getByTestId('create-submit').click();
  await choose(page, 'field-imageUuid', n('image'));
  await page.getByTestId('create-submit').click();
  await choose(page, 'field-l3NetworkUuids', n('l3'));
  await page.getByTestId('create-submit').click();
  await choose(page, 'field-zoneUuid', zone);
  await screenshot(page, 'vm-wizard');
  await page.getByTestId('create-submit').click();
  await page.getByTestId('job-progress').waitFor({ timeout: TIMEOUT }).then(() => screenshot(page, 'vm-progress'))
    .catch(() => log('no progress bar seen (the job was quick)'));
  await awaitModalOutcome(page, `create VM ${vm}`);
  await page.getByTestId(`row-${vm}`).waitFor({ timeout: TIMEOUT });
  await waitRowState(page, vm, 'Running');
  await screenshot(page, 'vm-instances');

  // its detail: NICs (with an address of the range) and volumes
  await page.getByTestId(`row-${vm}`).click();
  await page.getByTestId('detail').waitFor();
  await page.getByText(/^192\.168\.100\.\d+$/).first().waitFor({ timeout: TIMEOUT });
  await page.getByText(`ROOT-for-${vm}`).first().waitFor({ timeout: TIMEOUT });
  await screenshot(page, 'vm-detail');
  const vmUuid = new URL(page.url()).pathname.split('/').pop();
  await page.goBack();
  await vmConsole(page, vm);

  // every resource page lists what was created, without an error
  for (const [key, name] of [['zones', zone], ['clusters', n('cluster')], ['hosts', n('host')], ['primary-storage', n('ps')],
    ['backup-storage', n('bs')], ['images', n('image')], ['instance-offerings', n('offering')], ['disk-offerings', n('disk')],
    ['l2-networks', n('l2')], ['l3-networks', n('l3')], ['ip-ranges', n('range')], ['vm-instances', vm], ['volumes', `ROOT-for-${vm}`]]) {
    await checkList(page, key, name);
  }

  // the dashboard's capacity charts show the hosts' and primary storage's figures, the VM's use included
  const hosts = (await apiGet(page, '/hosts')).inventories;
  const storage = (await apiGet(page, '/primary-storage')).inventories;
  const sum = (items, f) => items.reduce((a, i) => a + Number(i[f] ?? 0), 0);
  const cpuUsed = sum(hosts, 'totalCpuCapacity') - sum(hosts, 'availableCpuCapacity');
  const memUsed = sum(hosts, 'totalMemoryCapacity') - sum(hosts, 'availableMemoryCapacity');
  const diskUsed = sum(storage, 'totalCapacity') - sum(storage, 'availableCapacity');
  if (!(cpuUsed > 0 && memUsed > 0 && diskUsed > 0)) throw new Error(`a running VM uses no capacity: cpu ${cpuUsed}, memory ${memUsed}, storage ${diskUsed}`);
  const expected = {
    'chart-cpu': `CPU in use: ${cpuUsed} / ${sum(hosts, 'totalCpuCapacity')}`,
    'chart-memory': `Memory in use: ${formatBytes(memUsed)} / ${formatBytes(sum(hosts, 'totalMemoryCapacity'))}`,
    'chart-storage': `Primary storage in use: ${formatBytes(diskUsed)} / ${formatBytes(sum(storage, 'totalCapacity'))}`,
  };
  await page.getByTestId('nav-dashboard').click();
  for (const [id, text] of Object.entries(expected)) {
    await waitFor(async () => (await page.getByTestId(id).getAttribute('aria-label')) === text,
      `${id} says "${text}" (it says "${await page.getByTestId(id).getAttribute('aria-label').catch(() => '?')}")`);
  }
  if (await page.getByTestId('error').count()) throw new Error(`the dashboard shows an error: ${await page.getByTestId('error').first().innerText()}`);
  await screenshot(page, 'dashboard-capacity');
  log('dashboard', Object.values(expected).join('; '));

  await openList(page, 'vm-instances');
  await act(page, vm, 'stop');
  await waitRowState(page, vm, 'Stopped');
  // a stopped VM offers no console, and its console page says why
  await page.getByTestId(`actions-${vm}`).click();
  await page.getByTestId('action-start').waitFor();
  if (await page.getByTestId('action-console').count()) throw new Error('a stopped VM offers its console');
  await page.keyboard.press('Escape');
  await page.goto(`${BASE}/resources/vm-instances/${vmUuid}/console`);
  await page.getByTestId('error').filter({ hasText: 'Running' }).waitFor({ timeout: TIMEOUT });
  await screenshot(page, 'vm-console-stopped');
  await openList(page, 'vm-instances');
  await act(page, vm, 'destroy');
  await waitRowState(page, vm, 'Destroyed');
  await act(page, vm, 'expunge');
  await page.getByTestId(`row-${vm}`).waitFor({ state: 'detached', timeout: TIMEOUT });
  await openList(page, 'volumes');
  await page.getByTestId(`row-ROOT-for-${vm}`).waitFor({ state: 'detached', timeout: TIMEOUT });
  log('VM', vm, 'stopped, destroyed and expunged with its root volume');
}

async function servesCompute() {
  const doc = await (await fetch(`${BASE}/zstack/v1/openapi.json`)).json();
  return Boolean(doc.paths?.['/vm-instances']?.post && doc.paths?.['/clusters']?.post);
}

await run(async (page) => {
  const zone = await basics(page);
  const served = await servesCompute();
  if (COMPUTE === 'skip') {
    log('compute part skipped (KUMO_E2E_COMPUTE=skip)');
  } else if (!served) {
    throw new Error('the node does not serve POST /clusters and POST /vm-instances (KUMO_E2E_COMPUTE=skip runs the kernel part only)');
  } else {
    await compute(page, zone);
  }
  await page.getByTestId('logout').click();
  await page.waitForURL('**/login');
});
