import { sha512 } from 'js-sha512';
import type { ActionDef, ColumnDef, FieldDef, Inventory, ResourceConfig } from './types';

// ---- shared pieces

const name: ColumnDef = { field: 'name', title: 'field.name', sortable: true };
const state: ColumnDef = { field: 'state', title: 'field.state', render: 'state', sortable: true };
const status: ColumnDef = { field: 'status', title: 'field.status', render: 'state', sortable: true };
const created: ColumnDef = { field: 'createDate', title: 'field.createDate', render: 'date', sortable: true };
const zone: ColumnDef = { field: 'zoneUuid', title: 'field.zone', render: { ref: 'zones' } };
const cluster: ColumnDef = { field: 'clusterUuid', title: 'field.cluster', render: { ref: 'clusters' } };

const nameField: FieldDef = { name: 'name', label: 'field.name', type: 'text', required: true };
const descriptionField: FieldDef = { name: 'description', label: 'field.description', type: 'textarea' };
const zoneField: FieldDef = { name: 'zoneUuid', label: 'field.zone', type: 'resource', resource: 'zones', required: true };

const enabledStates = ['Enabled', 'Disabled'];

/** {"<actionKey>": {"stateEvent": ...}} on PUT /<path>/{uuid}/actions. */
function stateAction(path: string, actionKey: string, stateEvent: string, states: string[]): ActionDef {
  return {
    key: stateEvent,
    label: `action.${stateEvent}`,
    states,
    route: { method: 'PUT', path: `${path}/{uuid}/actions` },
    request: (inv) => ({ method: 'PUT', path: `${path}/${inv.uuid}/actions`, body: { [actionKey]: { stateEvent } } }),
  };
}

function enableDisable(path: string, actionKey: string): ActionDef[] {
  return [stateAction(path, actionKey, 'enable', ['Disabled']), stateAction(path, actionKey, 'disable', ['Enabled'])];
}

/** {"<actionKey>": params} on PUT /<path>/{uuid}/actions. */
function putAction(path: string, key: string, actionKey: string, states?: string[], params: Record<string, unknown> = {}, danger = false): ActionDef {
  return {
    key,
    label: `action.${key}`,
    states,
    danger,
    route: { method: 'PUT', path: `${path}/{uuid}/actions` },
    request: (inv) => ({ method: 'PUT', path: `${path}/${inv.uuid}/actions`, body: { [actionKey]: params } }),
  };
}

/** DELETE /<path>/{uuid}?deleteMode=... */
function deleteAction(path: string, key = 'delete', states?: string[]): ActionDef {
  return {
    key,
    label: `action.${key}`,
    danger: true,
    states,
    fields: key === 'delete'
      ? [{ name: 'deleteMode', label: 'field.deleteMode', type: 'select', options: ['Permissive', 'Enforcing'], initial: 'Permissive', required: true, help: 'help.deleteMode' }]
      : [],
    route: { method: 'DELETE', path: `${path}/{uuid}` },
    request: (inv, v) => ({ method: 'DELETE', path: `${path}/${inv.uuid}${v.deleteMode ? `?deleteMode=${v.deleteMode}` : ''}` }),
  };
}

/** POST /<parent>/{parentUuid}/<child>/{uuid}: attaches the resource to a parent chosen in a form. */
function attachAction(key: string, parentResource: string, parentField: string, template: (parent: string, uuid: string) => string, routePath: string): ActionDef {
  return {
    key,
    label: `action.${key}`,
    fields: [{ name: parentField, label: `field.${parentField.replace(/Uuid$/, '')}`, type: 'resource', resource: parentResource, required: true }],
    route: { method: 'POST', path: routePath },
    request: (inv: Inventory, v) => ({ method: 'POST', path: template(String(v[parentField]), inv.uuid), body: { params: {} } }),
  };
}


/** ZStack's ShareResource / RevokeResourceSharing: PUT /accounts/resources/actions for the resource, with accounts. */
function shareAction(key: 'share' | 'revokeSharing'): ActionDef {
  const actionKey = key === 'share' ? 'shareResource' : 'revokeResourceSharing';
  return {
    key,
    label: `action.${key}`,
    fields: [{ name: 'accountUuids', label: 'resource.accounts', type: 'resources', resource: 'accounts' },
      { name: 'toPublic', label: 'field.toPublic', type: 'select', options: ['false', 'true'], initial: 'false', required: true }],
    route: { method: 'PUT', path: '/accounts/resources/actions' },
    request: (inv, v) => ({ method: 'PUT', path: '/accounts/resources/actions', body: { [actionKey]: {
      resourceUuids: [inv.uuid], ...(Array.isArray(v.accountUuids) && v.accountUuids.length ? { accountUuids: v.accountUuids } : {}),
      ...(key === 'share' ? { toPublic: v.toPublic === 'true' } : { all: v.toPublic === 'true' }) } } }),
  };
}

/** A password change: {"<actionKey>": {"password": sha512}} on PUT /<path>/{uuid} (ZStack's UpdateAccount, UpdateUser). */
function passwordAction(path: string, actionKey: string): ActionDef {
  return {
    key: 'changePassword',
    label: 'action.changePassword',
    fields: [{ name: 'password', label: 'field.newPassword', type: 'password', required: true }],
    route: { method: 'PUT', path: `${path}/{uuid}` },
    request: (inv, v) => ({ method: 'PUT', path: `${path}/${inv.uuid}`, body: { [actionKey]: { password: sha512(String(v.password)) } } }),
  };
}

/** POST /<template with the chosen field and the row's uuid> {"params": {<paramField>: ...}}: links two identities. */
function linkAction(key: string, fieldName: string, resource: string, route: string, path: (inv: Inventory, chosen: string) => string, params: (inv: Inventory, chosen: string) => Record<string, unknown>): ActionDef {
  return {
    key,
    label: `action.${key}`,
    fields: [{ name: fieldName, label: `field.${fieldName.replace(/Uuid$/, '')}`, type: 'resource', resource, required: true }],
    route: { method: 'POST', path: route },
    request: (inv, v) => ({ method: 'POST', path: path(inv, String(v[fieldName])), body: { params: params(inv, String(v[fieldName])) } }),
  };
}

const accountRef: ColumnDef = { field: 'accountUuid', title: 'resource.account', render: { ref: 'accounts' } };
const passwordField: FieldDef = { name: 'password', label: 'field.password', type: 'password', required: true };

// ---- the resources

export const resources: ResourceConfig[] = [
  {
    key: 'zones', title: 'resource.zones', singular: 'resource.zone', group: 'infrastructure', path: '/zones',
    eventTypes: ['zone'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, state, { field: 'type', title: 'field.type' }, { field: 'description', title: 'field.description' }, created],
    filters: [{ field: 'state', title: 'field.state', options: enabledStates }],
    create: { route: { method: 'POST', path: '/zones' }, fields: [nameField, descriptionField] },
    actions: [...enableDisable('/zones', 'changeZoneState'), deleteAction('/zones')],
  },
  {
    key: 'clusters', title: 'resource.clusters', singular: 'resource.cluster', group: 'infrastructure', path: '/clusters',
    eventTypes: ['cluster'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, state, zone, { field: 'hypervisorType', title: 'field.hypervisorType' }, created],
    filters: [{ field: 'state', title: 'field.state', options: enabledStates }],
    create: {
      route: { method: 'POST', path: '/clusters' },
      fields: [nameField, zoneField, { name: 'hypervisorType', label: 'field.hypervisorType', type: 'select', options: ['Simulator', 'KVM'], initial: 'Simulator', required: true }, descriptionField],
    },
    actions: [...enableDisable('/clusters', 'changeClusterState'), deleteAction('/clusters')],
  },
  {
    key: 'hosts', title: 'resource.hosts', singular: 'resource.host', group: 'infrastructure', path: '/hosts',
    eventTypes: ['host'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, { field: 'managementIp', title: 'field.managementIp', sortable: true }, state, status, cluster,
      // capacities are computed for the inventory: the query API cannot sort on them
      { field: 'availableCpuCapacity', title: 'field.availableCpu', render: 'cpu' },
      { field: 'availableMemoryCapacity', title: 'field.availableMemory', render: 'bytes' }, created],
    filters: [{ field: 'state', title: 'field.state', options: ['Enabled', 'Disabled', 'PreMaintenance', 'Maintenance'] },
      { field: 'status', title: 'field.status', options: ['Connecting', 'Connected', 'Disconnected'] }],
    create: {
      route: { method: 'POST', path: '/hosts/simulators' },
      fields: [nameField, { name: 'managementIp', label: 'field.managementIp', type: 'text', required: true },
        { name: 'clusterUuid', label: 'field.cluster', type: 'resource', resource: 'clusters', required: true },
        { name: 'cpuCapacity', label: 'field.cpuCapacity', type: 'number', min: 1, initial: 32, required: true },
        { name: 'memoryCapacity', label: 'field.memoryCapacity', type: 'bytes', unit: 'GiB', initial: 64, required: true }, descriptionField],
    },
    actions: [
      stateAction('/hosts', 'changeHostState', 'enable', ['Disabled', 'Maintenance']),
      stateAction('/hosts', 'changeHostState', 'disable', ['Enabled']),
      stateAction('/hosts', 'changeHostState', 'maintain', ['Enabled', 'Disabled']),
      putAction('/hosts', 'reconnect', 'reconnectHost'),
      deleteAction('/hosts'),
    ],
  },
  {
    key: 'primary-storage', title: 'resource.primaryStorage', singular: 'resource.primaryStorageOne', group: 'infrastructure', path: '/primary-storage',
    eventTypes: ['primaryStorage'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, { field: 'type', title: 'field.type' }, state, status, zone,
      { field: 'totalCapacity', title: 'field.totalCapacity', render: 'bytes', sortable: true },
      { field: 'availableCapacity', title: 'field.availableCapacity', render: 'bytes', sortable: true },
      { field: 'attachedClusterUuids', title: 'field.attachedClusters', render: 'list' }],
    filters: [{ field: 'state', title: 'field.state', options: enabledStates }],
    create: {
      route: { method: 'POST', path: '/primary-storage/simulators' },
      fields: [nameField, zoneField, { name: 'url', label: 'field.url', type: 'text', required: true, initial: '/primary' },
        { name: 'totalCapacity', label: 'field.totalCapacity', type: 'bytes', unit: 'GiB', initial: 1024, required: true },
        { name: 'availableCapacity', label: 'field.availableCapacity', type: 'bytes', unit: 'GiB', initial: 1024, required: true }, descriptionField],
    },
    actions: [
      attachAction('attachToCluster', 'clusters', 'clusterUuid', (c, u) => `/clusters/${c}/primary-storage/${u}`, '/clusters/{clusterUuid}/primary-storage/{primaryStorageUuid}'),
      ...enableDisable('/primary-storage', 'changePrimaryStorageState'),
      putAction('/primary-storage', 'reconnect', 'reconnectPrimaryStorage'),
      deleteAction('/primary-storage'),
    ],
  },
  {
    key: 'backup-storage', title: 'resource.backupStorage', singular: 'resource.backupStorageOne', group: 'infrastructure', path: '/backup-storage',
    eventTypes: ['backupStorage'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, { field: 'type', title: 'field.type' }, state, status,
      { field: 'totalCapacity', title: 'field.totalCapacity', render: 'bytes', sortable: true },
      { field: 'availableCapacity', title: 'field.availableCapacity', render: 'bytes', sortable: true },
      { field: 'attachedZoneUuids', title: 'field.attachedZones', render: 'list' }],
    filters: [{ field: 'state', title: 'field.state', options: enabledStates }],
    create: {
      route: { method: 'POST', path: '/backup-storage/simulators' },
      fields: [nameField, { name: 'url', label: 'field.url', type: 'text', required: true, initial: '/backup' },
        { name: 'totalCapacity', label: 'field.totalCapacity', type: 'bytes', unit: 'GiB', initial: 1024, required: true },
        { name: 'availableCapacity', label: 'field.availableCapacity', type: 'bytes', unit: 'GiB', initial: 1024, required: true }, descriptionField],
    },
    actions: [
      attachAction('attachToZone', 'zones', 'zoneUuid', (z, u) => `/zones/${z}/backup-storage/${u}`, '/zones/{zoneUuid}/backup-storage/{backupStorageUuid}'),
      ...enableDisable('/backup-storage', 'changeBackupStorageState'),
      putAction('/backup-storage', 'reconnect', 'reconnectBackupStorage'),
      deleteAction('/backup-storage'),
    ],
  },
  {
    key: 'images', title: 'resource.images', singular: 'resource.image', group: 'resources', path: '/images',
    eventTypes: ['image'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, state, status, { field: 'format', title: 'field.format' }, { field: 'mediaType', title: 'field.mediaType' },
      { field: 'platform', title: 'field.platform' }, { field: 'size', title: 'field.size', render: 'bytes', sortable: true }, created],
    filters: [{ field: 'status', title: 'field.status', options: ['Downloading', 'Ready', 'Deleted'] },
      { field: 'mediaType', title: 'field.mediaType', options: ['RootVolumeTemplate', 'ISO', 'DataVolumeTemplate'] }],
    create: {
      route: { method: 'POST', path: '/images' },
      fields: [nameField, { name: 'url', label: 'field.url', type: 'text', required: true, initial: 'http://images.example/linux.qcow2' },
        { name: 'format', label: 'field.format', type: 'select', options: ['qcow2', 'raw', 'iso'], initial: 'qcow2', required: true },
        { name: 'mediaType', label: 'field.mediaType', type: 'select', options: ['RootVolumeTemplate', 'ISO', 'DataVolumeTemplate'], initial: 'RootVolumeTemplate', required: true },
        { name: 'platform', label: 'field.platform', type: 'select', options: ['Linux', 'Windows', 'Other'], initial: 'Linux', required: true },
        { name: 'backupStorageUuids', label: 'field.backupStorage', type: 'resources', resource: 'backup-storage', required: true }, descriptionField],
    },
    actions: [...enableDisable('/images', 'changeImageState'),
      // a deleted image stays (status Deleted) until expunged, and can be recovered meanwhile
      { ...deleteAction('/images'), states: ['Ready', 'Downloading'], stateField: 'status' },
      { ...putAction('/images', 'recover', 'recoverImage', ['Deleted']), stateField: 'status' },
      { ...putAction('/images', 'expunge', 'expungeImage', ['Deleted'], {}, true), stateField: 'status' },
      shareAction('share'), shareAction('revokeSharing')],
    detailTables: [{ field: 'backupStorageRefs', title: 'field.backupStorage', columns: [
      { field: 'backupStorageUuid', title: 'resource.backupStorageOne', render: { ref: 'backup-storage' } },
      { field: 'installPath', title: 'field.installPath' }, { field: 'status', title: 'field.status', render: 'state' }] }],
  },
  {
    key: 'instance-offerings', title: 'resource.instanceOfferings', singular: 'resource.instanceOffering', group: 'resources', path: '/instance-offerings',
    eventTypes: ['instanceOffering'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, { field: 'cpuNum', title: 'field.cpuNum', sortable: true }, { field: 'memorySize', title: 'field.memorySize', render: 'bytes', sortable: true },
      state, { field: 'allocatorStrategy', title: 'field.allocatorStrategy' }, created],
    filters: [{ field: 'state', title: 'field.state', options: enabledStates }],
    create: {
      route: { method: 'POST', path: '/instance-offerings' },
      fields: [nameField, { name: 'cpuNum', label: 'field.cpuNum', type: 'number', min: 1, initial: 1, required: true },
        { name: 'memorySize', label: 'field.memorySize', type: 'bytes', unit: 'MiB', initial: 1024, required: true }, descriptionField],
    },
    actions: [...enableDisable('/instance-offerings', 'changeInstanceOfferingState'), deleteAction('/instance-offerings')],
  },
  {
    key: 'disk-offerings', title: 'resource.diskOfferings', singular: 'resource.diskOffering', group: 'resources', path: '/disk-offerings',
    eventTypes: ['diskOffering'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, { field: 'diskSize', title: 'field.diskSize', render: 'bytes', sortable: true }, state, created],
    filters: [{ field: 'state', title: 'field.state', options: enabledStates }],
    create: {
      route: { method: 'POST', path: '/disk-offerings' },
      fields: [nameField, { name: 'diskSize', label: 'field.diskSize', type: 'bytes', unit: 'GiB', initial: 10, required: true }, descriptionField],
    },
    actions: [...enableDisable('/disk-offerings', 'changeDiskOfferingState'), deleteAction('/disk-offerings')],
  },
  {
    key: 'l2-networks', title: 'resource.l2Networks', singular: 'resource.l2Network', group: 'network', path: '/l2-networks',
    eventTypes: ['l2Network'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, { field: 'type', title: 'field.type' }, { field: 'physicalInterface', title: 'field.physicalInterface' },
      { field: 'vlan', title: 'field.vlan' }, zone, { field: 'attachedClusterUuids', title: 'field.attachedClusters', render: 'list' }, created],
    filters: [{ field: 'type', title: 'field.type', options: ['L2NoVlanNetwork', 'L2VlanNetwork'] }],
    create: {
      route: { method: 'POST', path: '/l2-networks/no-vlan' },
      fields: [nameField, zoneField, { name: 'physicalInterface', label: 'field.physicalInterface', type: 'text', initial: 'eth0', required: true }, descriptionField],
    },
    actions: [
      attachAction('attachToCluster', 'clusters', 'clusterUuid', (c, u) => `/l2-networks/${u}/clusters/${c}`, '/l2-networks/{l2NetworkUuid}/clusters/{clusterUuid}'),
      deleteAction('/l2-networks'),
    ],
  },
  {
    key: 'l3-networks', title: 'resource.l3Networks', singular: 'resource.l3Network', group: 'network', path: '/l3-networks',
    eventTypes: ['l3Network'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, state, { field: 'l2NetworkUuid', title: 'resource.l2Network', render: { ref: 'l2-networks' } }, zone,
      { field: 'category', title: 'field.category' }, created],
    filters: [{ field: 'state', title: 'field.state', options: enabledStates }],
    create: {
      route: { method: 'POST', path: '/l3-networks' },
      fields: [nameField, { name: 'l2NetworkUuid', label: 'resource.l2Network', type: 'resource', resource: 'l2-networks', required: true }, descriptionField],
    },
    actions: [...enableDisable('/l3-networks', 'changeL3NetworkState'), deleteAction('/l3-networks')],
    detailTables: [{ field: 'ipRanges', title: 'resource.ipRanges', columns: [
      { field: 'name', title: 'field.name' }, { field: 'networkCidr', title: 'field.networkCidr' }, { field: 'startIp', title: 'field.startIp' },
      { field: 'endIp', title: 'field.endIp' }, { field: 'gateway', title: 'field.gateway' }] }],
  },
  {
    key: 'ip-ranges', title: 'resource.ipRanges', singular: 'resource.ipRange', group: 'network', path: '/l3-networks/ip-ranges',
    eventTypes: ['ipRange'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, { field: 'l3NetworkUuid', title: 'resource.l3Network', render: { ref: 'l3-networks' } },
      { field: 'networkCidr', title: 'field.networkCidr' }, { field: 'startIp', title: 'field.startIp', sortable: true },
      { field: 'endIp', title: 'field.endIp' }, { field: 'gateway', title: 'field.gateway' }, created],
    filters: [],
    create: {
      route: { method: 'POST', path: '/l3-networks/{l3NetworkUuid}/ip-ranges/by-cidr' },
      fields: [{ name: 'l3NetworkUuid', label: 'resource.l3Network', type: 'resource', resource: 'l3-networks', required: true, in: 'path' },
        nameField, { name: 'networkCidr', label: 'field.networkCidr', type: 'text', initial: '192.168.100.0/24', required: true }],
    },
    actions: [deleteAction('/l3-networks/ip-ranges')],
  },
  {
    key: 'vm-instances', title: 'resource.vmInstances', singular: 'resource.vmInstance', group: 'compute', path: '/vm-instances',
    eventTypes: ['vmInstance', 'vm'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, state, { field: 'cpuNum', title: 'field.cpuNum', sortable: true }, { field: 'memorySize', title: 'field.memorySize', render: 'bytes', sortable: true },
      { field: 'hostUuid', title: 'resource.host', render: { ref: 'hosts' } }, { field: 'imageUuid', title: 'resource.image', render: { ref: 'images' } }, created],
    filters: [{ field: 'state', title: 'field.state', options: ['Created', 'Starting', 'Running', 'Stopping', 'Stopped', 'Rebooting', 'Paused', 'Destroyed', 'Migrating', 'Unknown'] }],
    create: {
      wizard: true,
      route: { method: 'POST', path: '/vm-instances' },
      fields: [nameField,
        { name: 'instanceOfferingUuid', label: 'resource.instanceOffering', type: 'resource', resource: 'instance-offerings', required: true },
        { name: 'imageUuid', label: 'resource.image', type: 'resource', resource: 'images', required: true },
        { name: 'l3NetworkUuids', label: 'resource.l3Networks', type: 'resources', resource: 'l3-networks', required: true },
        { name: 'zoneUuid', label: 'field.zone', type: 'resource', resource: 'zones' },
        { name: 'clusterUuid', label: 'field.cluster', type: 'resource', resource: 'clusters', dependsOn: { zoneUuid: 'zoneUuid' } },
        { name: 'hostUuid', label: 'resource.host', type: 'resource', resource: 'hosts', dependsOn: { clusterUuid: 'clusterUuid', zoneUuid: 'zoneUuid' } },
        { name: 'strategy', label: 'field.strategy', type: 'select', options: ['InstantStart', 'CreateStopped'], initial: 'InstantStart', required: true },
        descriptionField],
    },
    actions: [
      putAction('/vm-instances', 'start', 'startVmInstance', ['Stopped']),
      putAction('/vm-instances', 'stop', 'stopVmInstance', ['Running', 'Paused'], { type: 'grace' }),
      putAction('/vm-instances', 'reboot', 'rebootVmInstance', ['Running']),
      putAction('/vm-instances', 'pause', 'pauseVmInstance', ['Running']),
      // RequestConsoleAccess: the console page asks for a one-time address and opens it in noVNC
      { key: 'console', label: 'action.console', states: ['Running'], route: { method: 'POST', path: '/consoles' },
        open: (inv) => `/resources/vm-instances/${inv.uuid}/console` },
      putAction('/vm-instances', 'resume', 'resumeVmInstance', ['Paused']),
      deleteAction('/vm-instances', 'destroy', ['Created', 'Running', 'Stopped', 'Paused', 'Unknown']),
      putAction('/vm-instances', 'recover', 'recoverVmInstance', ['Destroyed']),
      putAction('/vm-instances', 'expunge', 'expungeVmInstance', ['Destroyed'], {}, true),
      shareAction('share'), shareAction('revokeSharing'),
    ],
    detailTables: [
      { field: 'vmNics', title: 'field.nics', columns: [{ field: 'ip', title: 'field.ip' }, { field: 'mac', title: 'field.mac' },
        { field: 'l3NetworkUuid', title: 'resource.l3Network', render: { ref: 'l3-networks' } }] },
      { field: 'allVolumes', title: 'resource.volumes', columns: [{ field: 'name', title: 'field.name' }, { field: 'type', title: 'field.type' },
        { field: 'size', title: 'field.size', render: 'bytes' }, { field: 'status', title: 'field.status', render: 'state' }] },
    ],
  },
  {
    key: 'volumes', title: 'resource.volumes', singular: 'resource.volume', group: 'compute', path: '/volumes',
    eventTypes: ['volume'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, { field: 'type', title: 'field.type' }, state, status, { field: 'size', title: 'field.size', render: 'bytes', sortable: true },
      { field: 'vmInstanceUuid', title: 'resource.vmInstance', render: { ref: 'vm-instances' } },
      { field: 'primaryStorageUuid', title: 'resource.primaryStorageOne', render: { ref: 'primary-storage' } }, created],
    filters: [{ field: 'type', title: 'field.type', options: ['Root', 'Data'] }, { field: 'status', title: 'field.status', options: ['Creating', 'Ready', 'NotInstantiated', 'Deleted'] }],
    actions: [deleteAction('/volumes')],
  },

  // ---- administration: identity (issue 5). Each page appears when the node serves its query route.
  {
    key: 'accounts', title: 'resource.accounts', singular: 'resource.account', group: 'administration', path: '/accounts',
    eventTypes: ['account'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, { field: 'type', title: 'field.type' }, { field: 'description', title: 'field.description' }, created],
    filters: [{ field: 'type', title: 'field.type', options: ['SystemAdmin', 'Normal'] }],
    create: {
      route: { method: 'POST', path: '/accounts' },
      fields: [nameField, passwordField, descriptionField],
    },
    actions: [passwordAction('/accounts', 'updateAccount'), deleteAction('/accounts')],
  },
  {
    key: 'users', title: 'resource.users', singular: 'resource.user', group: 'administration', path: '/accounts/users',
    eventTypes: ['user'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, accountRef, { field: 'description', title: 'field.description' }, created],
    filters: [],
    create: { route: { method: 'POST', path: '/accounts/users' }, fields: [nameField, passwordField, descriptionField] },
    actions: [
      passwordAction('/accounts/users', 'updateUser'),
      linkAction('attachPolicy', 'policyUuid', 'policies', '/accounts/users/{userUuid}/policies', (inv) => `/accounts/users/${inv.uuid}/policies`, (_i, p) => ({ policyUuid: p })),
      linkAction('addToGroup', 'groupUuid', 'user-groups', '/accounts/groups/{groupUuid}/users', (_i, g) => `/accounts/groups/${g}/users`, (inv) => ({ userUuid: inv.uuid })),
      deleteAction('/accounts/users'),
    ],
  },
  {
    key: 'user-groups', title: 'resource.userGroups', singular: 'resource.userGroup', group: 'administration', path: '/accounts/groups',
    eventTypes: ['userGroup'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, accountRef, { field: 'description', title: 'field.description' }, created],
    filters: [],
    create: { route: { method: 'POST', path: '/accounts/groups' }, fields: [nameField, descriptionField] },
    actions: [
      linkAction('attachPolicy', 'policyUuid', 'policies', '/accounts/groups/{groupUuid}/policies', (inv) => `/accounts/groups/${inv.uuid}/policies`, (_i, p) => ({ policyUuid: p })),
      deleteAction('/accounts/groups'),
    ],
  },
  {
    key: 'policies', title: 'resource.policies', singular: 'resource.policy', group: 'administration', path: '/accounts/policies',
    eventTypes: ['policy'], searchField: 'name', defaultSort: 'createDate',
    columns: [name, accountRef, { field: 'description', title: 'field.description' }, created],
    filters: [],
    create: {
      route: { method: 'POST', path: '/accounts/policies' },
      fields: [nameField,
        { name: 'effect', label: 'field.effect', type: 'select', options: ['Allow', 'Deny'], initial: 'Allow', required: true },
        { name: 'actions', label: 'field.policyActions', type: 'textarea', required: true, initial: 'vmInstance:*', help: 'help.policyActions' },
        descriptionField],
      // ZStack's statements: [{name, effect, actions: [...]}], built from the form's effect and lines of actions
      toParams: (v) => ({ name: v.name, description: v.description,
        statements: [{ name: `${String(v.name)}-statement`, effect: v.effect, actions: String(v.actions ?? '').split(/[\n,]+/).map((a) => a.trim()).filter(Boolean) }] }),
    },
    actions: [deleteAction('/accounts/policies')],
    detailTables: [{ field: 'statements', title: 'field.statements', columns: [{ field: 'name', title: 'field.name' },
      { field: 'effect', title: 'field.effect' }, { field: 'actions', title: 'field.policyActions', render: 'list' }] }],
  },
  {
    key: 'quotas', title: 'resource.quotas', singular: 'resource.quota', group: 'administration', path: '/accounts/quotas',
    eventTypes: ['quota'], searchField: 'name', defaultSort: 'name',
    columns: [name, { field: 'identityUuid', title: 'resource.account', render: { ref: 'accounts' } }, { field: 'value', title: 'field.quotaValue', sortable: true }],
    filters: [],
    actions: [{
      key: 'updateQuota', label: 'action.updateQuota',
      fields: [{ name: 'value', label: 'field.quotaValue', type: 'number', min: -1, required: true, help: 'help.quotaValue' }],
      route: { method: 'PUT', path: '/accounts/quotas/actions' },
      request: (inv, v) => ({ method: 'PUT', path: '/accounts/quotas/actions', body: { updateQuota: { identityUuid: inv.identityUuid, name: inv.name, value: Number(v.value) } } }),
    }],
  },
  {
    key: 'sessions', title: 'resource.sessions', singular: 'resource.session', group: 'administration', path: '/accounts/sessions',
    eventTypes: ['session'], searchField: 'uuid', defaultSort: 'createDate',
    columns: [{ field: 'uuid', title: 'field.uuid' }, accountRef, { field: 'userUuid', title: 'resource.user', render: { ref: 'users' } },
      created, { field: 'expiredDate', title: 'field.expiredDate', render: 'date', sortable: true }],
    filters: [],
    actions: [{ key: 'logOut', label: 'action.logOut', danger: true, route: { method: 'DELETE', path: '/accounts/sessions/{uuid}' },
      request: (inv) => ({ method: 'DELETE', path: `/accounts/sessions/${inv.uuid}` }) }],
  },
  // ---- administration: audit (A-01) and operation log (A-02), read-only, exported as CSV like every list
  {
    key: 'audit', title: 'resource.audit', singular: 'resource.auditRecord', group: 'administration', path: '/audits',
    eventTypes: [], searchField: 'operationName', defaultSort: 'startDate',
    columns: [{ field: 'operationName', title: 'field.operation', sortable: true }, { field: 'apiName', title: 'field.apiName', sortable: true }, { field: 'result', title: 'field.result', render: 'state' },
      { field: 'accountName', title: 'field.operator', sortable: true }, { field: 'clientIp', title: 'field.clientIp' },
      { field: 'resourceType', title: 'field.resourceType' }, { field: 'resourceName', title: 'field.resourceName' },
      { field: 'duration', title: 'field.durationMs', sortable: true },
      { field: 'startDate', title: 'field.startDate', render: 'date', sortable: true }, { field: 'finishDate', title: 'field.finishDate', render: 'date' }],
    filters: [{ field: 'result', title: 'field.result', options: ['Succeeded', 'Failed'] }],
    actions: [],
  },
  {
    key: 'operation-log', title: 'resource.operationLog', singular: 'resource.operationLogEntry', group: 'administration', path: '/operation-logs',
    eventTypes: [], searchField: 'description', defaultSort: 'startDate',
    columns: [{ field: 'description', title: 'field.description' }, { field: 'result', title: 'field.result', render: 'state' },
      { field: 'accountName', title: 'field.operator', sortable: true }, { field: 'clientIp', title: 'field.loginIp' },
      { field: 'startDate', title: 'field.startDate', render: 'date', sortable: true }, { field: 'finishDate', title: 'field.finishDate', render: 'date' }],
    filters: [{ field: 'result', title: 'field.result', options: ['Succeeded', 'Failed'] }],
    actions: [],
  },
];

/** Fields that refer to another resource by uuid, in any inventory: a detail view shows the resource's name. */
export const refFields: Record<string, string> = {
  zoneUuid: 'zones', clusterUuid: 'clusters', hostUuid: 'hosts', lastHostUuid: 'hosts', imageUuid: 'images', rootImageUuid: 'images',
  instanceOfferingUuid: 'instance-offerings', diskOfferingUuid: 'disk-offerings', l2NetworkUuid: 'l2-networks', l3NetworkUuid: 'l3-networks',
  defaultL3NetworkUuid: 'l3-networks', primaryStorageUuid: 'primary-storage', backupStorageUuid: 'backup-storage',
  vmInstanceUuid: 'vm-instances', rootVolumeUuid: 'volumes', accountUuid: 'accounts', userUuid: 'users', groupUuid: 'user-groups',
  policyUuid: 'policies',
};

export function resourceByKey(key: string): ResourceConfig | undefined {
  return resources.find((r) => r.key === key);
}

