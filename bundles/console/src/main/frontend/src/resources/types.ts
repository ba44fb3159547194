/** Declarative description of a resource page: one generic list/detail implementation serves them all. */

export type Inventory = Record<string, unknown> & { uuid: string };

/** How a value is shown. `ref` shows the name of another resource (by its uuid). */
export type Render = 'text' | 'uuid' | 'state' | 'bytes' | 'date' | 'list' | 'bool' | 'cpu' | { ref: string };

export interface ColumnDef {
  field: string;
  title: string; // i18n key
  render?: Render;
  sortable?: boolean;
}

export interface FilterDef {
  field: string;
  title: string; // i18n key
  options: string[];
}

export type FieldType = 'text' | 'textarea' | 'number' | 'bytes' | 'select' | 'resource' | 'resources' | 'password';

export interface FieldDef {
  name: string;
  label: string; // i18n key
  type: FieldType;
  required?: boolean;
  options?: string[];
  /** For resource(s): the resource key whose inventories are choices, and optional conditions from other fields. */
  resource?: string;
  /** For a resource field: conditions on the choices, from other fields' values, e.g. { zoneUuid: 'zoneUuid' }. */
  dependsOn?: Record<string, string>;
  initial?: unknown;
  /** Units for bytes fields (the value sent is bytes). */
  unit?: 'MiB' | 'GiB';
  min?: number;
  help?: string; // i18n key
  /** Where the value goes: the body (default) or the path ({name} in the path template). */
  in?: 'path' | 'body';
}

export interface Request {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

export interface ActionDef {
  key: string;
  label: string; // i18n key
  danger?: boolean;
  /** Asks for confirmation (default true). */
  confirm?: boolean;
  fields?: FieldDef[];
  /** Shown only for inventories in these states (field `state` unless stateField). */
  states?: string[];
  stateField?: string;
  /** The route that must be served for the action to show: method and path template. */
  route: { method: string; path: string };
  /** The request the action sends (after confirmation and its fields). */
  request?: (inv: Inventory, values: Record<string, unknown>) => Request;
  /** Instead of a request: the console page the action opens (e.g. a VM's graphical console). */
  open?: (inv: Inventory) => string;
}

export interface CreateDef {
  route: { method: string; path: string };
  fields: FieldDef[];
  /** The VM wizard instead of a single form. */
  wizard?: boolean;
  /** Parameters added to every request, e.g. the hypervisor type. */
  fixed?: Record<string, unknown>;
  /** Builds the parameters from the form's values (after unit scaling) when they are not one field each. */
  toParams?: (values: Record<string, unknown>) => Record<string, unknown>;
}

export interface DetailTable {
  field: string;
  title: string; // i18n key
  columns: ColumnDef[];
}

export interface ResourceConfig {
  key: string; // URL key, e.g. "vm-instances"
  title: string; // i18n key (plural)
  singular: string; // i18n key
  group: 'infrastructure' | 'resources' | 'network' | 'compute' | 'administration';
  /** The query path, GET /<path>. */
  path: string;
  /** Resource types of its events, for live refresh. */
  eventTypes: string[];
  searchField: string;
  columns: ColumnDef[];
  filters: FilterDef[];
  create?: CreateDef;
  actions: ActionDef[];
  detailTables?: DetailTable[];
  defaultSort?: string;
}
