// Signing in to a server whose writes need CURATOR_TOKEN. The cookie holds a random id and its HMAC
// under a key derived from the token, never the token: a cookie that leaks does not give the token
// away, and changing the token ends every session. The store keeps the id's SHA-256 until the session
// ends, by signing out or after SESSION_DAYS, so signing out ends it for good, on every copy.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from '../app/context.ts';
import { writeSoon } from '../app/write.ts';
import { isSessionCurrent } from '../store/read/sessions.ts';
import { deleteSession, insertSession } from '../store/write/sessions.ts';

export const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 24 * 3600 * 1000;
// 32 random bytes and a SHA-256 HMAC, each 43 characters of base64url.
const COOKIE = /^([\w-]{43})\.([\w-]{43})$/;

const hashOf = (id: string): string => createHash('sha256').update(id).digest('hex');

function sign(token: string, id: string): string {
  const key = createHmac('sha256', token).update('arxiv-curator session').digest();
  return createHmac('sha256', key).update(id).digest('base64url');
}

/** The session id a cookie carries when its HMAC is right under `token`. */
function readCookie(token: string, cookie: string | undefined): string | undefined {
  const match = cookie === undefined ? null : COOKIE.exec(cookie);
  if (match === null) return undefined;
  const [, id, mac] = match as unknown as [string, string, string];
  return timingSafeEqual(Buffer.from(sign(token, id)), Buffer.from(mac)) ? id : undefined;
}

/** Starts a session; the cookie's value. */
export async function startSession(context: Context, token: string): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const now = context.now().getTime();
  await writeSoon(context, () => insertSession(context.db, hashOf(id), now + SESSION_MS, now));
  return `${id}.${sign(token, id)}`;
}

export function isSignedIn(context: Context, token: string, cookie: string | undefined): boolean {
  const id = readCookie(token, cookie);
  return id !== undefined && isSessionCurrent(context.db, hashOf(id), context.now().getTime());
}

/** Ends the cookie's session, if it is one. */
export async function endSession(context: Context, token: string, cookie: string | undefined): Promise<void> {
  const id = readCookie(token, cookie);
  if (id !== undefined) await writeSoon(context, () => deleteSession(context.db, hashOf(id)));
}
