// The names this server answers for, and where a request comes from.
// - Host allowlist: a page on `rebind.evil` whose name is made to resolve to this machine (DNS
//   rebinding) is same-origin with itself to the browser, so it could read the library and post
//   writes; its requests say `Host: rebind.evil`. Only a loopback name or address, the listening
//   address, the address the request arrived on (HOST=0.0.0.0) and PUBLIC_URL's host are answered:
//   any other gets 421 before routing (RFC 9110 §15.5.20), on the fast path too. An absolute-form
//   target names the host in place of the Host field (RFC 9112 §3.2.2) and is checked the same way.
// - The origin a same-site write may come from is one of those names with this server's port, or
//   PUBLIC_URL's origin: never a URL built from the Host field.
// - A client is local when its TCP peer is a loopback address and it did not come through a proxy
//   (a `Forwarded`, `X-Forwarded-For` or `X-Real-IP` field says one passed it on).
import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { isLoopbackHost, type Config } from '../config.ts';

/** What the checks read of a request: node's, or the parts Hono's context gives (app.request: none). */
export interface RequestLike {
  headers: IncomingHttpHeaders;
  /** The request target as sent. */
  url?: string | undefined;
  socket?: Socket | undefined;
}

export interface HostAllowlist {
  /** True when the request's Host (or absolute-form target) names this server, or it has none. */
  admits(request: RequestLike): boolean;
  /** True when a write's Origin is this site: PUBLIC_URL's origin, or an admitted name with our port. */
  admitsOrigin(origin: string, socket: Socket | undefined): boolean;
}

export function createHostAllowlist(config: Readonly<Config>): HostAllowlist {
  // HOST as written (0.0.0.0 too: an address literal, which no rebinding page can send as its Host).
  const names = new Set(['localhost', bare(config.host.toLowerCase())]);
  const publicOrigin = config.publicUrl === undefined ? undefined : new URL(config.publicUrl).origin;
  if (config.publicUrl !== undefined) names.add(bare(new URL(config.publicUrl).hostname));
  const isOurs = (name: string, socket: Socket | undefined): boolean =>
    names.has(name) || isLoopbackHost(name) || name === localAddressOf(socket);
  return {
    admits(request) {
      const target = request.url ?? '';
      // Absolute form (`GET http://host/path`): the target's authority is the host.
      const authority = target.startsWith('/') || target === '' ? request.headers.host : authorityOf(target);
      if (authority === undefined || authority === '') return true;
      const name = hostnameOf(authority);
      return name !== undefined && isOurs(name, request.socket);
    },
    admitsOrigin(origin, socket) {
      if (origin === publicOrigin) return true;
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false;
      }
      if (url.protocol !== 'http:' || !isOurs(bare(url.hostname), socket)) return false;
      // In-process requests (app.request in tests) have no port to compare with.
      return socket?.localPort === undefined || Number(url.port || 80) === socket.localPort;
    },
  };
}

/** `Example.org:3000` → `example.org`; `[::1]:3000` → `::1`; undefined when it is not a host[:port]. */
export function hostnameOf(authority: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^\s[\]:/@]+)(?::\d{1,5})?$/i.exec(authority);
  return match === null ? undefined : bare(match[1]!.toLowerCase());
}

function authorityOf(target: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(target)?.[1];
}

function bare(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** The local address the connection arrived on, an IPv4-mapped one as IPv4. */
function localAddressOf(socket: Socket | undefined): string | undefined {
  return socket?.localAddress?.replace(/^::ffff:(?=\d+\.)/, '');
}

/** Where a request comes from. */
export interface Client {
  /** Its TCP peer is this machine and no proxy passed the request on: it may write without the token. */
  local: boolean;
  /** The address a login rate limit counts against (a proxy's client as the proxy names it). */
  address: string;
}

const PROXY_FIELDS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

/**
 * `header` reads the request's fields. `request` undefined: an in-process request (app.request in
 * tests), which is this machine's.
 */
export function clientOf(request: RequestLike | undefined, header: (name: string) => string | undefined): Client {
  const proxied = PROXY_FIELDS.some((name) => header(name) !== undefined);
  if (request === undefined) return { local: !proxied, address: 'in-process' };
  const peer = (request.socket?.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.)/, '');
  const loopback = peer !== '' && isLoopbackHost(peer);
  // A proxy on this machine names its client; one elsewhere could name anyone, so its own address counts.
  const named = loopback && proxied ? forwardedFor(header) : undefined;
  return { local: loopback && !proxied, address: named ?? (peer || 'unknown') };
}

/** The client the nearest proxy names: the last address of X-Forwarded-For, else X-Real-IP, else Forwarded's `for`. */
function forwardedFor(header: (name: string) => string | undefined): string | undefined {
  const last = header('x-forwarded-for')?.split(',').at(-1)?.trim();
  if (last) return last;
  const real = header('x-real-ip')?.trim();
  if (real) return real;
  return [...(header('forwarded') ?? '').matchAll(/for="?\[?([^;,"\]]+)/gi)].at(-1)?.[1];
}
