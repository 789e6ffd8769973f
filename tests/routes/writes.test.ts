// Who may write: every POST passes the guard in front of the routes (cross-site refused, a token
// off loopback). Played on the real app with a route that stands for any write.
import { afterEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { loadConfig } from '../../src/config.ts';
import { describeWritePolicy } from '../../src/routes/writes.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, type TestWorld } from '../support/build-db.ts';

const TOKEN = 'a-long-enough-secret-token';
let world: TestWorld | undefined;
afterEach(() => world?.close());

function appWith(env: NodeJS.ProcessEnv = {}): Hono {
  world = createTestWorld({ env });
  const app = createApp({ context: world.context, holidays: new Set() });
  app.post('/test/write', (c) => c.json({ written: true }));
  return app;
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const post = (app: Hono, headers: Record<string, string>, path = '/test/write', body = 'x=1') =>
  app.request(path, { method: 'POST', headers, body });

describe('on a loopback address', () => {
  it('takes a form from this site', async () => {
    const app = appWith();
    expect((await post(app, { ...form, origin: 'http://localhost' })).status).toBe(200);
    expect((await post(app, { ...form, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses a form posted from another site, saying why', async () => {
    const app = appWith();
    const fromElsewhere = await post(app, { ...form, origin: 'https://evil.example', accept: 'text/html' });
    expect(fromElsewhere.status).toBe(403);
    expect(await fromElsewhere.text()).toContain('this request came from another site');
    expect((await post(app, { ...form, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await (await post(app, { ...form, origin: 'null' })).json()).toEqual({
      error: 'Refused: this request came from another site.',
    });
  });

  it('never lets a GET write', async () => {
    const app = appWith();
    expect((await app.request('/test/write')).status).toBe(404);
  });
});

describe('beyond this machine', () => {
  it('serves read-only without CURATOR_TOKEN, and says so', async () => {
    const app = appWith({ HOST: '0.0.0.0' });
    const refused = await post(app, { ...form, origin: 'http://localhost' });
    expect(refused.status).toBe(403);
    expect((await refused.json()) as { error: string }).toEqual({ error: expect.stringContaining('read-only') });
    expect(await (await app.request('/login')).text()).toContain('This server is read-only');
    // `serve` prints this line at start.
    expect(describeWritePolicy(loadConfig({ HOST: '0.0.0.0' }))).toBe(
      'serving read-only: HOST 0.0.0.0 is not a loopback address and CURATOR_TOKEN is not set',
    );
  });

  it('needs the token as a Bearer header or the cookie the login form sets', async () => {
    const app = appWith({ HOST: '0.0.0.0', CURATOR_TOKEN: TOKEN });
    const json = { 'content-type': 'application/json' };
    expect((await post(app, json, '/test/write', '{}')).status).toBe(401);
    expect(
      (await post(app, { ...json, authorization: 'Bearer wrong-token-wrong-token' }, '/test/write', '{}')).status,
    ).toBe(401);
    expect((await post(app, { ...json, authorization: `Bearer ${TOKEN}` }, '/test/write', '{}')).status).toBe(200);

    const wrong = await post(app, { ...form, origin: 'http://localhost' }, '/login', 'token=nope');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That is not the token.');
    const login = await post(app, { ...form, origin: 'http://localhost' }, '/login', `token=${TOKEN}`);
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^curator_token=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/);
    const withCookie = await post(app, { ...form, origin: 'http://localhost', cookie: cookie.split(';')[0]! });
    expect(withCookie.status).toBe(200);
    // The cookie does not carry a cross-site form through.
    const forged = await post(app, { ...form, origin: 'https://evil.example', cookie: cookie.split(';')[0]! });
    expect(forged.status).toBe(403);
  });

  it('refuses a token too short to protect anything', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0', CURATOR_TOKEN: 'short' })).toThrow(
      'CURATOR_TOKEN: use at least 16 characters',
    );
  });
});
