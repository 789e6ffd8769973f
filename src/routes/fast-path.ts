// The fast path: a GET for an address that sendCached answered lately, whose body is cached in the
// encoding asked (or whose client's copy is current), is answered straight from node:http, without
// the router. Hono's request, context and Response objects, and the conversion back to node's
// headers, cost about as much as the rest of a cached /rss.xml (as profiled); the answer is
// the same, header for header and byte for byte (tests/server/fast-path.test.ts). The checks are
// sendCached's own: the data version, today, the starred list, and what the route declared it
// depends on (`/` the scheduler's status, while its day is not stored); while a newer version
// renders, the previous body as the responder's `lookup` gives it. Anything else, a miss included,
// goes through Hono as before.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hono } from 'hono';
import { SECURITY_HEADERS, baseUrlOfSocket, countHostFields, versionOf, type Site } from './site.ts';

/** Answers the request and says true, or leaves it untouched and says false. */
export type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

const attached = new WeakMap<Hono, FastPath>();

/** createApp gives its app a fast path; startServer puts it in front of the app. */
export function attachFastPath(app: Hono, fastPath: FastPath): void {
  attached.set(app, fastPath);
}

export function fastPathOf(app: Hono): FastPath | undefined {
  return attached.get(app);
}

export function createFastPath(replays: Site['replays']): FastPath {
  // The headers as written, per answer's headers (one object per body, encoding and version).
  const sent = new WeakMap<Record<string, string>, Record<string, string | number>>();
  return (request, response) => {
    if (request.method !== 'GET' || request.url === undefined) return false;
    const replay = replays.get(request.url);
    // Two Host fields, or a Host that is not ours, are refused by the app (server.ts), with a 400 or 421.
    if (replay === undefined || countHostFields(request.rawHeaders) > 1) return false;
    const { site, path, options } = replay;
    if (!site.hosts.admits(request)) return false;
    let ready;
    try {
      const baseUrl = baseUrlOfSocket(site, request.socket);
      ready = site.responder.lookup(`${baseUrl}${path}`, versionOf(site, options).version, {
        ifNoneMatch: request.headers['if-none-match'],
        ifModifiedSince: request.headers['if-modified-since'],
        acceptEncoding: request.headers['accept-encoding'],
      });
    } catch {
      // The app meets the same failure and answers it (a 500 page, logged).
      return false;
    }
    if (ready === undefined) return false;
    let headers = sent.get(ready.headers);
    if (headers === undefined) {
      headers = { ...SECURITY_HEADERS, ...ready.headers };
      if (ready.body !== null) headers['Content-Length'] = ready.body.length;
      sent.set(ready.headers, headers);
    }
    response.writeHead(ready.status, headers);
    response.end(ready.body);
    return true;
  };
}
