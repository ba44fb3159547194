/** ZStack's ConsoleInventory, the answer of RequestConsoleAccess (POST /consoles). */
export interface ConsoleInventory {
  scheme?: string;
  hostname?: string;
  port?: number;
  token?: string;
  vmInstanceUuid?: string;
  expiresInSeconds?: number;
}

/**
 * The WebSocket address of a VM console: {@code <scheme>://<hostname>:<port>/websockify?token=<token>} (noVNC's
 * convention, served by the node's console proxy). A wildcard or missing host name means the page's own host; a
 * page served over HTTPS asks for wss.
 */
export function consoleUrl(inv: ConsoleInventory, page: { hostname: string; protocol: string }): string {
  if (!inv.token || !inv.port) throw new Error('the console answer has no token or port');
  const wild = !inv.hostname || inv.hostname === '0.0.0.0' || inv.hostname === '::';
  const host = wild ? page.hostname : inv.hostname!;
  let scheme = (inv.scheme ?? 'ws').toLowerCase();
  if (scheme === 'http') scheme = 'ws';
  if (scheme === 'https' || page.protocol === 'https:') scheme = 'wss';
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${scheme}://${bracketed}:${inv.port}/websockify?token=${encodeURIComponent(inv.token)}`;
}
