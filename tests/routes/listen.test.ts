import { afterEach, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';

const running: RunningServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

describe('startServer', () => {
  it('listens on loopback, answers, and says plainly when the port is taken', async () => {
    const app = new Hono().get('/', (c) => c.text('ok'));
    const first = await startServer(app, { host: '127.0.0.1', port: 0 });
    running.push(first);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await (await fetch(first.url)).text()).toBe('ok');
    const port = Number(new URL(first.url).port);
    await expect(startServer(app, { host: '127.0.0.1', port })).rejects.toThrow(
      `cannot listen on 127.0.0.1:${port}: the address is in use (set PORT or HOST)`,
    );
  });
});
