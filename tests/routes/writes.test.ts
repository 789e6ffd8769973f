// Who may write: every POST passes the guard in front of the routes (cross-site refused; the token
// unless the client is this machine's, directly) and is declared with its body's shape. Played on a
// real listening server over real sockets, with a route that stands for any write.
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { clientOf } from '../../src/routes/hosts.ts';
import { clientKey } from '../../src/routes/login.ts';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { NO_FIELDS, registerPost } from '../../src/routes/posts.ts';
import { createSite } from '../../src/routes/site.ts';
import { describeWritePolicy } from '../../src/routes/writes.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, type TestWorld } from '../support/build-db.ts';

const TOKEN = 'a-long-enough-secret-token';
const DAY_MS = 24 * 3600 * 1000;
let world: TestWorld | undefined;
let server: RunningServer | undefined;
let now = new Date('2026-09-25T12:00:00Z');
afterEach(async () => {
  await server?.close();
  world?.close();
  server = undefined;
  now = new Date('2026-09-25T12:00:00Z');
});

/** A real server (on 127.0.0.1 whatever HOST says: the policy reads the setting) with a write route. */
async function serve(env: NodeJS.ProcessEnv = {}): Promise<string> {
  world = createTestWorld({ env, now: () => now });
  const app = createApp({ context: world.context, holidays: new Set() });
  registerPost(
    app,
    createSite(world.context, new Set(), () => ({})),
    '/test/write',
    { body: NO_FIELDS },
    (c) => c.json({ written: true }),
  );
  app.post('/test/undeclared', (c) => c.json({ written: true }));
  server = await startServer(app, { host: '127.0.0.1', port: 0 });
  return server.url.replace(/\/$/, '');
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const json = { 'content-type': 'application/json' };
const post = (url: string, headers: Record<string, string>, body = '') =>
  fetch(url, { method: 'POST', headers, body, redirect: 'manual' });

describe('on a loopback address', () => {
  it('takes a form from this site, by any loopback name with our port', async () => {
    const base = await serve();
    const { port } = new URL(base);
    for (const origin of [base, `http://localhost:${port}`, `http://[::1]:${port}`])
      expect((await post(`${base}/test/write`, { ...form, origin })).status, origin).toBe(200);
    expect((await post(`${base}/test/write`, { ...form, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post(`${base}/test/write`, json, '{}')).status).toBe(200);
  });

  it('refuses a form posted from another site, another port of this machine, or a rebinding name', async () => {
    const base = await serve();
    const { port } = new URL(base);
    const fromElsewhere = await post(`${base}/test/write`, {
      ...form,
      origin: 'https://evil.example',
      accept: 'text/html',
    });
    expect(fromElsewhere.status).toBe(403);
    expect(await fromElsewhere.text()).toContain('this request came from another site');
    for (const origin of ['http://127.0.0.1:1', `http://rebind.evil:${port}`, 'null'])
      expect(await (await post(`${base}/test/write`, { ...form, origin })).json()).toEqual({
        error: 'Refused: this request came from another site.',
      });
    expect((await post(`${base}/test/write`, { ...form, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('counts a request that came through a proxy as remote: no write without the token', async () => {
    const base = await serve();
    const fields: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9;proto=https' },
      { 'x-real-ip': '203.0.113.9' },
    ];
    for (const field of fields) {
      const refused = await post(`${base}/test/write`, { ...json, ...field }, '{}');
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        error: 'Writes from beyond this machine, or through a proxy, need CURATOR_TOKEN, which is not set.',
      });
    }
  });

  it('lets a proxied client write with the token when one is set', async () => {
    const base = await serve({ CURATOR_TOKEN: TOKEN });
    const proxied = { ...json, 'x-forwarded-for': '203.0.113.9' };
    expect((await post(`${base}/test/write`, proxied, '{}')).status).toBe(401);
    expect((await post(`${base}/test/write`, { ...proxied, authorization: `Bearer ${TOKEN}` }, '{}')).status).toBe(200);
    // This machine's own clients still need none.
    expect((await post(`${base}/test/write`, json, '{}')).status).toBe(200);
  });

  it('never lets a GET write, and refuses a POST route that did not declare its body', async () => {
    const base = await serve();
    expect((await fetch(`${base}/test/write`)).status).toBe(404);
    const undeclared = await post(`${base}/test/undeclared`, json, '{}');
    expect(undeclared.status).toBe(500);
    expect(await undeclared.json()).toEqual({ error: expect.stringContaining('declares its body') as unknown });
  });
});

describe('a client is local only when its peer is loopback and no proxy passed it on', () => {
  const socket = (remoteAddress: string) => ({ remoteAddress }) as Socket;
  const none = () => undefined;
  it.each([
    ['127.0.0.1', none, true],
    ['::1', none, true],
    ['::ffff:127.0.0.1', none, true],
    ['203.0.113.5', none, false],
    ['::ffff:192.168.1.7', none, false],
    ['127.0.0.1', (name: string) => (name === 'x-real-ip' ? '198.51.100.2' : undefined), false],
  ])('%s', (address, header, local) => {
    expect(clientOf({ headers: {}, socket: socket(address) }, header).local).toBe(local);
  });
});

describe('beyond this machine', () => {
  it('serves read-only without CURATOR_TOKEN, and says so', async () => {
    const base = await serve({ HOST: '0.0.0.0' });
    const refused = await post(`${base}/test/write`, { ...form, origin: base });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: expect.stringContaining('read-only') as unknown });
    expect(await (await fetch(`${base}/login`)).text()).toContain('CURATOR_TOKEN is not set');
    // `serve` prints this line at start.
    expect(describeWritePolicy(loadConfig({ HOST: '0.0.0.0' }))).toBe(
      'serving read-only: HOST 0.0.0.0 is not a loopback address and CURATOR_TOKEN is not set',
    );
  });

  it('behind a proxy (PUBLIC_URL names another host), every write needs the token, this machine’s too', async () => {
    const env = { PUBLIC_URL: 'https://arxiv.example.org' };
    let base = await serve(env);
    expect((await post(`${base}/test/write`, json, '{}')).status).toBe(403);
    expect(describeWritePolicy(loadConfig(env))).toBe(
      'serving read-only: PUBLIC_URL https://arxiv.example.org names a host beyond this machine and CURATOR_TOKEN is not set',
    );
    await server!.close();
    world!.close();
    base = await serve({ ...env, CURATOR_TOKEN: TOKEN });
    expect((await post(`${base}/test/write`, json, '{}')).status).toBe(401);
    const origin = 'https://arxiv.example.org';
    expect((await post(`${base}/test/write`, { ...json, origin, authorization: `Bearer ${TOKEN}` }, '{}')).status).toBe(
      200,
    );
  });

  it('needs the token as a Bearer header or a signed session from /login, which holds no token', async () => {
    const base = await serve({ HOST: '0.0.0.0', CURATOR_TOKEN: TOKEN });
    expect((await post(`${base}/test/write`, json, '{}')).status).toBe(401);
    const wrongBearer = { ...json, authorization: 'Bearer wrong-token-wrong-token' };
    expect((await post(`${base}/test/write`, wrongBearer, '{}')).status).toBe(401);
    expect((await post(`${base}/test/write`, { ...json, authorization: `Bearer ${TOKEN}` }, '{}')).status).toBe(200);

    const wrong = await post(`${base}/login`, { ...form, origin: base }, 'token=nope');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That is not the token.');
    const login = await post(`${base}/login`, { ...form, origin: base }, `token=${TOKEN}`);
    expect(login.status).toBe(303);
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(
      new RegExp(
        `^curator_session=[\\w-]{43}\\.[\\w-]{43}; Max-Age=${30 * 24 * 3600}; Path=/; HttpOnly; SameSite=Strict$`,
      ),
    );
    expect(setCookie).not.toContain(TOKEN);
    const cookie = setCookie.split(';')[0]!;
    expect((await post(`${base}/test/write`, { ...form, origin: base, cookie })).status).toBe(200);
    expect(await (await fetch(`${base}/login`, { headers: { cookie } })).text()).toContain('Sign out');
    // The cookie does not carry a cross-site form through, and a forged one is nothing.
    expect((await post(`${base}/test/write`, { ...form, origin: 'https://evil.example', cookie })).status).toBe(403);
    const forged = cookie.replace(/.(?=\.)/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await post(`${base}/test/write`, { ...form, origin: base, cookie: forged })).status).toBe(401);

    // Signing out ends the session for good: the same cookie, sent again, is refused.
    const logout = await post(`${base}/logout`, { ...form, origin: base, cookie });
    expect(logout.status).toBe(303);
    expect(logout.headers.get('set-cookie')).toMatch(/^curator_session=; Max-Age=0/);
    expect((await post(`${base}/test/write`, { ...form, origin: base, cookie })).status).toBe(401);
  });

  it('ends a session after 30 days', async () => {
    const base = await serve({ HOST: '0.0.0.0', CURATOR_TOKEN: TOKEN });
    const login = await post(`${base}/login`, { ...form, origin: base }, `token=${TOKEN}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    now = new Date(now.getTime() + 30 * DAY_MS - 1000);
    expect((await post(`${base}/test/write`, { ...json, cookie }, '{}')).status).toBe(200);
    now = new Date(now.getTime() + 2000);
    expect((await post(`${base}/test/write`, { ...json, cookie }, '{}')).status).toBe(401);
  });

  it('takes at most 10 sign-in tries a minute per client address', async () => {
    const base = await serve({ HOST: '0.0.0.0', CURATOR_TOKEN: TOKEN });
    const tryToken = (token: string, headers: Record<string, string> = {}) =>
      post(`${base}/login`, { ...form, origin: base, ...headers }, `token=${token}`);
    for (let i = 0; i < 10; i++) expect((await tryToken(`guess-${i}`)).status).toBe(401);
    const limited = await tryToken(TOKEN);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toEqual({ error: expect.stringContaining('at most 10 a minute') as unknown });
    // Another client, named by the proxy on this machine, has tries of its own.
    expect((await tryToken(TOKEN, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(303);
    now = new Date(now.getTime() + 61_000);
    expect((await tryToken(TOKEN)).status).toBe(303);
  });

  it.each([
    ['203.0.113.5', '203.0.113.5'],
    ['2001:db8:1:2:aaaa::5', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::6', '2001:db8:1:2::/64'],
    ['2001:db8::7', '2001:db8:0:0::/64'],
    ['2001:0db8:0000:0000:1:2:3:4', '2001:db8:0:0::/64'],
  ])('counts sign-in tries of %s as %s', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });

  it('refuses a token too short to protect anything', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0', CURATOR_TOKEN: 'short' })).toThrow(
      'CURATOR_TOKEN: use at least 16 characters',
    );
  });
});
