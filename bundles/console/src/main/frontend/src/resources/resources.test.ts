import { sha512 } from 'js-sha512';
import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../api/capabilities';
import { concerns } from '../api/events';
import { ApiError, adviceKey, toApiError } from '../api/errors';
import { availableActions } from '../components/ActionButtons';
import { refFields, resourceByKey, resources } from './configs';
import { countBy, formatBytes, parseCsv, sumCapacity, usedPercent } from './format';
import { createRequest } from './requests';

describe('resource configs', () => {
  it('have unique keys and declare every page of the console', () => {
    const keys = resources.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['zones', 'clusters', 'hosts', 'primary-storage', 'backup-storage', 'images',
      'instance-offerings', 'disk-offerings', 'l2-networks', 'l3-networks', 'ip-ranges', 'vm-instances', 'volumes']));
  });

  it('build the create request: bytes scaled, path variables filled, blanks dropped', () => {
    const ipr = resourceByKey('ip-ranges')!.create!;
    expect(createRequest(ipr, ipr.fields, { l3NetworkUuid: 'l3', name: 'r1', networkCidr: '10.0.0.0/24' })).toEqual({
      path: '/l3-networks/l3/ip-ranges/by-cidr', body: { params: { name: 'r1', networkCidr: '10.0.0.0/24' } },
    });
    const io = resourceByKey('instance-offerings')!.create!;
    expect(createRequest(io, io.fields, { name: 'small', cpuNum: 2, memorySize: 512, description: '' }).body.params)
      .toEqual({ name: 'small', cpuNum: 2, memorySize: 512 * 1024 * 1024 });
    const vm = resourceByKey('vm-instances')!.create!;
    expect(createRequest(vm, vm.fields, { name: 'v', instanceOfferingUuid: 'o', imageUuid: 'i', l3NetworkUuids: ['n'], strategy: 'InstantStart', clusterUuid: undefined }).body.params)
      .toEqual({ name: 'v', instanceOfferingUuid: 'o', imageUuid: 'i', l3NetworkUuids: ['n'], strategy: 'InstantStart' });
  });

  it('offer only the actions the state allows and the node serves', () => {
    const vm = resourceByKey('vm-instances')!;
    const all = () => true;
    const keys = (state: string) => availableActions(vm, { uuid: 'v', state }, all).map((a) => a.key);
    expect(keys('Running')).toEqual(['stop', 'reboot', 'pause', 'console', 'destroy', 'share', 'revokeSharing']);
    expect(keys('Stopped')).toEqual(['start', 'destroy', 'share', 'revokeSharing']);
    expect(keys('Destroyed')).toEqual(['recover', 'expunge', 'share', 'revokeSharing']);
    expect(availableActions(vm, { uuid: 'v', state: 'Running' }, (m) => m !== 'PUT').map((a) => a.key)).toEqual(['console', 'destroy']);
    expect(availableActions(vm, { uuid: 'v', state: 'Running' }, (_m, p) => p !== '/consoles').map((a) => a.key)).not.toContain('console');
    expect(vm.actions.find((a) => a.key === 'console')!.open!({ uuid: 'v1' })).toBe('/resources/vm-instances/v1/console');
    const stop = vm.actions.find((a) => a.key === 'stop')!;
    expect(stop.request!({ uuid: 'v1' }, {})).toEqual({ method: 'PUT', path: '/vm-instances/v1/actions', body: { stopVmInstance: { type: 'grace' } } });
    const del = resourceByKey('zones')!.actions.find((a) => a.key === 'delete')!;
    expect(del.request!({ uuid: 'z1' }, { deleteMode: 'Enforcing' }).path).toBe('/zones/z1?deleteMode=Enforcing');
    const host = resourceByKey('hosts')!;
    expect(host.actions.find((a) => a.key === 'maintain')!.request!({ uuid: 'h' }, {}).body).toEqual({ changeHostState: { stateEvent: 'maintain' } });
  });

  it('follow an image through deletion by its status: delete, then recover or expunge', () => {
    const image = resourceByKey('images')!;
    const all = () => true;
    const keys = (status: string) => availableActions(image, { uuid: 'i', state: 'Enabled', status }, all).map((a) => a.key);
    expect(keys('Ready')).toEqual(['disable', 'delete', 'share', 'revokeSharing']);
    expect(keys('Deleted')).toEqual(['disable', 'recover', 'expunge', 'share', 'revokeSharing']);
    expect(image.actions.find((a) => a.key === 'expunge')!.request!({ uuid: 'i1' }, {})).toEqual({ method: 'PUT', path: '/images/i1/actions', body: { expungeImage: {} } });
  });

  it('refer only to declared resources', () => {
    for (const target of Object.values(refFields)) expect(resourceByKey(target), target).toBeDefined();
    for (const r of resources) {
      for (const c of r.columns) if (typeof c.render === 'object') expect(resourceByKey(c.render.ref), `${r.key}.${c.field}`).toBeDefined();
      for (const f of r.create?.fields ?? []) if (f.resource) expect(resourceByKey(f.resource), `${r.key} form ${f.name}`).toBeDefined();
    }
  });
});

describe('capabilities from OpenAPI', () => {
  it('match path templates whatever their variable names', () => {
    const caps = capabilitiesOf({ paths: { '/zones': { get: {}, post: {} }, '/zones/{uuid}/actions': { put: {} }, '/clusters/{clusterUuid}/primary-storage/{uuid}': { post: {} } } });
    expect(caps.has('GET', '/zones')).toBe(true);
    expect(caps.has('PUT', '/zones/{x}/actions')).toBe(true);
    expect(caps.has('POST', '/clusters/{a}/primary-storage/{b}')).toBe(true);
    expect(caps.has('GET', '/vm-instances')).toBe(false);
    expect(caps.has('DELETE', '/zones')).toBe(false);
  });
});

describe('events, errors and formats', () => {
  it('matches event resource types loosely', () => {
    const e = { type: 'CREATED' as const, resourceType: 'VmInstanceVO', resourceUuid: 'v', time: '' };
    expect(concerns(e, ['vmInstance'])).toBe(true);
    expect(concerns({ ...e, resourceType: 'zone' }, ['vmInstance'])).toBe(false);
  });

  it('reads the error envelope and advises what to do', () => {
    const e = toApiError(409, { error: { code: 'SYS.1008', description: 'bad state', details: 'stop it first' } });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.description, e.details]).toEqual(['SYS.1008', 'bad state', 'stop it first']);
    expect(adviceKey(e)).toBe('error.advice.state');
    expect(toApiError(502, '<html>bad gateway</html>').code).toBe('HTTP.502');
    expect(toApiError(401, { error: { code: 'ID.1001', description: 'x' } }).sessionExpired).toBe(true);
  });

  it('formats capacities', () => {
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(64 * 1024 ** 3)).toBe('64 GiB');
    expect(formatBytes(undefined)).toBe('');
    expect(usedPercent(200, 50)).toBe(75);
    expect(usedPercent(0, 0)).toBe(0);
    expect(sumCapacity([{ t: 10, a: 4 }, { t: 5, a: 5 }], 't', 'a')).toEqual({ total: 15, available: 9 });
    expect(countBy([{ s: 'Running' }, { s: 'Running' }, { s: 'Stopped' }], 's')).toEqual({ Running: 2, Stopped: 1 });
  });

  it('parses CSV with quotes and CRLF', () => {
    expect(parseCsv('uuid,name\r\n1,"a, ""b"""\r\n2,c\n')).toEqual([['uuid', 'name'], ['1', 'a, "b"'], ['2', 'c']]);
  });

  it('build the identity requests with ZStack\'s shapes (passwords as SHA-512)', () => {
    const sha = sha512('secret');
    const account = resourceByKey('accounts')!;
    expect(createRequest(account.create!, account.create!.fields, { name: 'a', password: 'secret' }))
      .toEqual({ path: '/accounts', body: { params: { name: 'a', password: sha } } });
    expect(account.actions.find((a) => a.key === 'changePassword')!.request!({ uuid: 'a1' }, { password: 'secret' }))
      .toEqual({ method: 'PUT', path: '/accounts/a1', body: { updateAccount: { password: sha } } });
    const policy = resourceByKey('policies')!;
    expect(createRequest(policy.create!, policy.create!.fields, { name: 'p', effect: 'Deny', actions: 'vmInstance:*\n image:read ,' }).body.params)
      .toEqual({ name: 'p', statements: [{ name: 'p-statement', effect: 'Deny', actions: ['vmInstance:*', 'image:read'] }] });
    const users = resourceByKey('users')!;
    expect(users.actions.find((a) => a.key === 'attachPolicy')!.request!({ uuid: 'u1' }, { policyUuid: 'p1' }))
      .toEqual({ method: 'POST', path: '/accounts/users/u1/policies', body: { params: { policyUuid: 'p1' } } });
    expect(users.actions.find((a) => a.key === 'addToGroup')!.request!({ uuid: 'u1' }, { groupUuid: 'g1' }))
      .toEqual({ method: 'POST', path: '/accounts/groups/g1/users', body: { params: { userUuid: 'u1' } } });
    const quota = resourceByKey('quotas')!.actions[0];
    expect(quota.request!({ uuid: 'q', name: 'vm.num', identityUuid: 'a1' }, { value: '5' }))
      .toEqual({ method: 'PUT', path: '/accounts/quotas/actions', body: { updateQuota: { identityUuid: 'a1', name: 'vm.num', value: 5 } } });
    const share = resourceByKey('images')!.actions.find((a) => a.key === 'share')!;
    expect(share.request!({ uuid: 'i1' }, { accountUuids: ['a1'], toPublic: 'false' }))
      .toEqual({ method: 'PUT', path: '/accounts/resources/actions', body: { shareResource: { resourceUuids: ['i1'], accountUuids: ['a1'], toPublic: false } } });
  });

  it('show the administration pages only where the node serves them', () => {
    for (const key of ['accounts', 'users', 'user-groups', 'policies', 'quotas', 'sessions', 'audit', 'operation-log']) {
      expect(resourceByKey(key)?.group, key).toBe('administration');
    }
    expect(resourceByKey('audit')!.path).toBe('/audits');
    expect(resourceByKey('operation-log')!.path).toBe('/operation-logs');
  });
});
