// /login: the form, the sign-in (at most LOGIN_TRIES a minute per client address, counted before the
// body is read) and the session cookie (actions/sessions.ts: a signed random id, never the token,
// for 30 days); /logout ends the session. Both are POSTs guarded by writes.ts like any other.
import type { Context as HonoContext, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as v from 'valibot';
import { endSession, SESSION_DAYS, startSession } from '../actions/sessions.ts';
import { renderLoginPage, type LoginState } from '../render/login.ts';
import { clientOf } from './hosts.ts';
import { NO_FIELDS, refuse, registerPost, text } from './posts.ts';
import { createRateLimiter } from './rate-limit.ts';
import { baseUrlOf, type Site } from './site.ts';
import { incomingOf, presentsToken, readWritePolicy, sameToken, SESSION_COOKIE, writesWithoutToken } from './writes.ts';

export const LOGIN_TRIES = 10;
// A token is a line of text: a sign-in form needs a few hundred bytes.
const LOGIN_MAX_BYTES = 4 * 1024;
const LoginBody = v.strictObject({ token: text(1000, 'the token') });

function loginState(site: Site, c: HonoContext): LoginState {
  const { config } = site.context;
  if (writesWithoutToken(site, c)) return 'not-needed';
  if (config.token === undefined || readWritePolicy(config) === 'read-only') return 'no-token';
  return presentsToken(site, c) ? 'signed-in' : 'sign-in';
}

/** The address a rate limit counts: an IPv6 client by its /64, which one machine commonly holds whole. */
export function clientKey(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  const groups = [...left, ...zeros, ...right].slice(0, 4).map((group) => group.replace(/^0+(?=.)/, ''));
  return `${groups.join(':')}::/64`;
}

export function registerLogin(app: Hono, site: Site): void {
  const { context } = site;
  const { config } = context;
  const tries = createRateLimiter({
    limit: LOGIN_TRIES,
    windowMs: 60_000,
    maxKeys: 10_000,
    now: () => context.now().getTime(),
  });
  const admit = (c: HonoContext): Response | undefined => {
    const wait = tries.take(clientKey(clientOf(incomingOf(c), (name) => c.req.header(name)).address));
    if (wait === undefined) return undefined;
    c.header('Retry-After', String(wait));
    return refuse(site, c, 429, `Too many sign-in attempts: at most ${LOGIN_TRIES} a minute. Try again in ${wait} s.`);
  };
  app.get('/login', (c) => c.html(renderLoginPage(baseUrlOf(site, c), loginState(site, c))));
  registerPost(app, site, '/login', { body: LoginBody, maxBytes: LOGIN_MAX_BYTES, admit }, async (c, body) => {
    const baseUrl = baseUrlOf(site, c);
    if (config.token === undefined || !sameToken(body.token, config.token)) {
      return c.html(renderLoginPage(baseUrl, loginState(site, c), 'That is not the token.'), 401);
    }
    setCookie(c, SESSION_COOKIE, await startSession(context, config.token), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: baseUrl.startsWith('https:'),
      path: '/',
      maxAge: SESSION_DAYS * 24 * 3600,
    });
    return c.redirect(`${baseUrl}/`, 303);
  });
  registerPost(app, site, '/logout', { body: NO_FIELDS }, async (c) => {
    if (config.token !== undefined) await endSession(context, config.token, getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect(`${baseUrlOf(site, c)}/login`, 303);
  });
}
