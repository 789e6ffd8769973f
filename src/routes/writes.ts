// Who may write (save, hide, star, watch, mark read: every route that changes something is a POST,
// declared through routes/posts.ts). Decided from the request's head, before any body is read:
// - No cross-site request: Hono's csrf middleware refuses a form POST whose Sec-Fetch-Site or
//   Origin is not this site's (routes/hosts.ts: an admitted name with our port, or PUBLIC_URL's
//   origin); other content types cannot be sent cross-site without a CORS preflight, which this
//   server never grants.
// - One setting, CURATOR_TOKEN, and a safe default without it: a write needs no token only from a
//   client on this machine that no proxy passed on (hosts.ts `clientOf`), and only on a server
//   that is not exposed: HOST a loopback address and PUBLIC_URL, if set, naming a loopback host.
//   A proxy that adds no forwarding field makes every client look local, so PUBLIC_URL naming
//   another host means every write needs the token. Anyone else presents the token, as
//   `Authorization: Bearer <token>` or the session cookie /login sets (routes/login.ts); without
//   a token set, they cannot write.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { isSignedIn } from '../actions/sessions.ts';
import { isLoopbackHost, type Config } from '../config.ts';
import type { WritePolicy } from '../views/types.ts';
import { clientOf, hostnameOf } from './hosts.ts';
import { isDeclaredPost, refuse } from './posts.ts';
import type { Site } from './site.ts';

export const SESSION_COOKIE = 'curator_session';
const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;
// Signing in and out need no token (they are how one gets and drops it); the same-site check holds.
const SIGN_IN_PATHS = new Set(['/login', '/logout']);

/**
 * `open`: this machine's clients write without the token (others with it, if set); `token`: every
 * write needs it; `read-only`: the server is exposed and has no token. Pages show their controls
 * unless read-only.
 */
export function readWritePolicy(config: Readonly<Config>): WritePolicy {
  const publicHost = config.publicUrl === undefined ? undefined : hostnameOf(new URL(config.publicUrl).host);
  const exposed = !isLoopbackHost(config.host) || (publicHost !== undefined && !isLoopbackHost(publicHost));
  if (!exposed) return 'open';
  return config.token === undefined ? 'read-only' : 'token';
}

/** One line for the log at start, or undefined when writes are open. */
export function describeWritePolicy(config: Readonly<Config>): string | undefined {
  const policy = readWritePolicy(config);
  if (policy === 'open') return undefined;
  const why = isLoopbackHost(config.host)
    ? `PUBLIC_URL ${config.publicUrl} names a host beyond this machine`
    : `HOST ${config.host} is not a loopback address`;
  if (policy === 'token') return `writes need CURATOR_TOKEN (${why})`;
  return `serving read-only: ${why} and CURATOR_TOKEN is not set`;
}

export const incomingOf = (c: HonoContext): IncomingMessage | undefined =>
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;

export function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** The token as a Bearer header, or a current session's cookie. */
export function presentsToken(site: Site, c: HonoContext): boolean {
  const { token } = site.context.config;
  if (token === undefined) return false;
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer !== undefined) return sameToken(bearer, token);
  return isSignedIn(site.context, token, getCookie(c, SESSION_COOKIE));
}

/** True when this request may write without presenting the token. */
export function writesWithoutToken(site: Site, c: HonoContext): boolean {
  return readWritePolicy(site.context.config) === 'open' && clientOf(incomingOf(c), (name) => c.req.header(name)).local;
}

/** Why this request may not write, or undefined when it may. */
function refusal(site: Site, c: HonoContext, policy: WritePolicy): [401 | 403, string] | undefined {
  if (policy === 'read-only')
    return [403, 'This server is read-only: it is reached from beyond this machine and CURATOR_TOKEN is not set.'];
  if (SIGN_IN_PATHS.has(c.req.path) || writesWithoutToken(site, c) || presentsToken(site, c)) return undefined;
  if (site.context.config.token === undefined)
    return [403, 'Writes from beyond this machine, or through a proxy, need CURATOR_TOKEN, which is not set.'];
  return [401, 'Sign in first: writes on this server need its token (/login).'];
}

/** The middleware in front of every route: safe methods pass, writes are checked. */
export function guardWrites(site: Site): MiddlewareHandler {
  const policy = readWritePolicy(site.context.config);
  const sameSite = csrf({ origin: (origin, c) => site.hosts.admitsOrigin(origin, incomingOf(c)?.socket) });
  return async (c, next) => {
    if (SAFE_METHOD.test(c.req.method)) return next();
    try {
      await sameSite(c, () => Promise.resolve());
    } catch (error) {
      if (!(error instanceof HTTPException)) throw error;
      return refuse(site, c, 403, 'Refused: this request came from another site.');
    }
    const refused = refusal(site, c, policy);
    if (refused !== undefined) return refuse(site, c, refused[0], refused[1]);
    if (!isDeclaredPost(c)) {
      site.context.log.error('server.undeclared-post', { path: c.req.path });
      return refuse(site, c, 500, 'This address takes no POST that declares its body (routes/posts.ts).');
    }
    return next();
  };
}
