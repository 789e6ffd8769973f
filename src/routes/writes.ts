// Who may write (save, hide, star, watch, mark read: every route that changes something is a POST).
// - No cross-site request: Hono's csrf middleware refuses a form POST whose Sec-Fetch-Site or
//   Origin is not this site's (a hidden form on another site cannot save or star anything); other
//   content types cannot be sent cross-site without a CORS preflight, which this server never grants.
// - On a loopback HOST that is enough: only this machine can reach the server.
// - On any other HOST a write needs CURATOR_TOKEN, as `Authorization: Bearer <token>` or as the
//   HttpOnly, SameSite=Strict cookie that the /login form sets; without a token set, writes are off.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context as HonoContext, Hono, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { isLoopbackHost, type Config } from '../config.ts';
import { renderErrorPage } from '../render/html-layout.ts';
import { renderLoginPage } from '../render/login.ts';
import type { WritePolicy } from '../views/types.ts';
import { baseUrlOf, type Site } from './site.ts';

export const TOKEN_COOKIE = 'curator_token';
const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;
const YEAR_S = 365 * 24 * 3600;

export function readWritePolicy(config: Readonly<Config>): WritePolicy {
  if (isLoopbackHost(config.host)) return 'open';
  return config.token === undefined ? 'read-only' : 'token';
}

/** One line for the log at start, or undefined when writes are open. */
export function describeWritePolicy(config: Readonly<Config>): string | undefined {
  const policy = readWritePolicy(config);
  if (policy === 'open') return undefined;
  if (policy === 'token') return `writes need CURATOR_TOKEN (HOST ${config.host} is not a loopback address)`;
  return `serving read-only: HOST ${config.host} is not a loopback address and CURATOR_TOKEN is not set`;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

function presentedToken(c: HonoContext): string | undefined {
  const header = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return header?.[1] ?? getCookie(c, TOKEN_COOKIE);
}

function refuse(site: Site, c: HonoContext, status: 401 | 403, message: string): Response {
  if (!(c.req.header('accept') ?? '').includes('text/html')) return c.json({ error: message }, status);
  return c.html(renderErrorPage(baseUrlOf(site, c), status, message), status);
}

/** The middleware in front of every route: safe methods pass, writes are checked. */
export function guardWrites(site: Site): MiddlewareHandler {
  const { config } = site.context;
  const policy = readWritePolicy(config);
  const sameSite = csrf({
    origin: (origin, c) => origin === baseUrlOf(site, c) || origin === new URL(c.req.url).origin,
  });
  return async (c, next) => {
    if (SAFE_METHOD.test(c.req.method)) return next();
    try {
      await sameSite(c, () => Promise.resolve());
    } catch (error) {
      if (!(error instanceof HTTPException)) throw error;
      return refuse(site, c, 403, 'Refused: this request came from another site.');
    }
    if (policy === 'read-only') {
      return refuse(
        site,
        c,
        403,
        'This server is read-only: it listens beyond this machine and CURATOR_TOKEN is not set.',
      );
    }
    if (policy === 'token' && c.req.path !== '/login' && !sameToken(presentedToken(c), config.token!)) {
      return refuse(site, c, 401, 'Sign in first: writes on this server need its token (/login).');
    }
    return next();
  };
}

/** GET /login shows the form; POST /login checks the token and sets the cookie. */
export function registerLogin(app: Hono, site: Site): void {
  const { config } = site.context;
  app.get('/login', (c) => c.html(renderLoginPage(baseUrlOf(site, c), readWritePolicy(config))));
  app.post('/login', async (c) => {
    const baseUrl = baseUrlOf(site, c);
    const form = await c.req.parseBody();
    const given = typeof form['token'] === 'string' ? form['token'] : undefined;
    if (config.token === undefined || !sameToken(given, config.token)) {
      return c.html(renderLoginPage(baseUrl, readWritePolicy(config), 'That is not the token.'), 401);
    }
    setCookie(c, TOKEN_COOKIE, given!, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: baseUrl.startsWith('https:'),
      path: '/',
      maxAge: YEAR_S,
    });
    return c.redirect(`${baseUrl}/`, 303);
  });
}
