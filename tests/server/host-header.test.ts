// Links are built from PUBLIC_URL or the listening address, never from what the client says
// (issue 15, point 9): raw HTTP/1.1 on a real socket, with a hostile Host header, an
// absolute-form request target, and two Host headers.
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

let world: TestWorld;
let server: RunningServer;
let port: number;
beforeEach(() => {
  world = createTestWorld();
  world.ingestDay('2026-09-24', [makePaper({ authors: ['Yoshua Bengio'] })]);
});
afterEach(async () => {
  await server?.close();
  world.close();
});

async function listen(): Promise<void> {
  server = await startServer(createApp({ context: world.context, holidays: new Set() }), {
    host: '127.0.0.1',
    port: 0,
  });
  port = Number(new URL(server.url).port);
}

/** One request written by hand; the whole response as text. */
function rawRequest(head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(`${head}\r\nConnection: close\r\n\r\n`));
    let response = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (response += chunk));
    socket.on('end', () => resolve(response));
    socket.on('error', reject);
  });
}

describe('the Host header', () => {
  it.each([
    ['a hostile Host header', (path: string) => `GET ${path} HTTP/1.1\r\nHost: evil.example`],
    ['an absolute-form target', (path: string) => `GET http://evil.example${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}`],
  ])('never reaches the links of pages and feeds: %s', async (_what, request) => {
    await listen();
    for (const path of ['/', '/digest/2026-09-24', '/rss.xml', '/rss/daily.xml', '/feeds.opml', '/nowhere']) {
      const response = await rawRequest(request(path));
      expect(response).toMatch(/^HTTP\/1\.1 (200|404)/);
      expect(response).not.toContain('evil.example');
      if (path !== '/nowhere') expect(response).toContain(`http://127.0.0.1:${port}/`);
    }
  });

  it('is refused when it comes twice', async () => {
    await listen();
    const response = await rawRequest(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example`);
    expect(response).toMatch(/^HTTP\/1\.1 400/);
    expect(response).not.toContain('evil.example');
  });

  it('gives way to PUBLIC_URL, which every link then uses', async () => {
    world.context = {
      ...world.context,
      config: loadConfig({ ...process.env, PUBLIC_URL: 'https://arxiv.example.org/' }),
    };
    await listen();
    const page = await rawRequest('GET / HTTP/1.1\r\nHost: evil.example');
    expect(page).toMatch(/<link rel=icon href="https:\/\/arxiv\.example\.org\/favicon\.[^"]+\.svg"/);
    expect(page).not.toContain('evil.example');
  });
});
