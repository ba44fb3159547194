import { describe, expect, it } from 'vitest';
import { consoleUrl } from './console';

const http = { hostname: 'console.example', protocol: 'http:' };

describe('consoleUrl', () => {
  it('is the proxy address with the token', () => {
    expect(consoleUrl({ scheme: 'ws', hostname: '127.0.0.1', port: 4900, token: 'a/b+c' }, http))
      .toBe('ws://127.0.0.1:4900/websockify?token=a%2Fb%2Bc');
  });

  it('uses the page host for a wildcard or missing host name, and brackets IPv6', () => {
    expect(consoleUrl({ hostname: '0.0.0.0', port: 4900, token: 't' }, http)).toBe('ws://console.example:4900/websockify?token=t');
    expect(consoleUrl({ port: 4900, token: 't' }, http)).toBe('ws://console.example:4900/websockify?token=t');
    expect(consoleUrl({ hostname: '::1', port: 4900, token: 't' }, http)).toBe('ws://[::1]:4900/websockify?token=t');
  });

  it('asks for wss from a page served over HTTPS', () => {
    expect(consoleUrl({ scheme: 'ws', hostname: 'h', port: 1, token: 't' }, { hostname: 'h', protocol: 'https:' })).toBe('wss://h:1/websockify?token=t');
  });

  it('refuses an answer without token or port', () => {
    expect(() => consoleUrl({ hostname: 'h', port: 1 }, http)).toThrow();
    expect(() => consoleUrl({ hostname: 'h', token: 't' }, http)).toThrow();
  });
});
