import { call } from './client';

/** The routes this node serves, from its OpenAPI document (it changes as plugins come and go). */
export interface Capabilities {
  has(method: string, path: string): boolean;
}

/** A path template's shape: variables are wildcards, so /a/{uuid} matches /a/{x}. */
export function shape(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}').replace(/\/+$/, '') || '/';
}

export function capabilitiesOf(openapi: { paths?: Record<string, Record<string, unknown>> }): Capabilities {
  const served = new Set<string>();
  for (const [path, item] of Object.entries(openapi.paths ?? {})) {
    for (const method of Object.keys(item)) served.add(`${method.toUpperCase()} ${shape(path)}`);
  }
  return { has: (method, path) => served.has(`${method.toUpperCase()} ${shape(path.split('?')[0])}`) };
}

export async function loadCapabilities(): Promise<Capabilities> {
  return capabilitiesOf(await call('GET', '/openapi.json', { anonymous: true }));
}
