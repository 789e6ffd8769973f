// Links are built from PUBLIC_URL or the listening address, never from what the client says, and a
// request naming a host that is not this server's is refused before routing (DNS rebinding): raw
// HTTP/1.1 on a real socket, with a hostile Host header, an absolute-form request target, two Host
// headers, and the names this server does answer for.
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

const PATHS = ['/', '/digest/2026-09-24', '/rss.xml', '/rss/daily.xml', '/feeds.opml', '/nowhere'];

describe('the Host header', () => {
  it.each([
    ['a hostile Host header', (path: string) => `GET ${path} HTTP/1.1\r\nHost: evil.example`],
    ['an absolute-form target', (path: string) => `GET http://evil.example${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}`],
    ['a rebinding name with our port', (path: string) => `GET ${path} HTTP/1.1\r\nHost: rebind.evil:${port}`],
  ])('is refused with 421 when it names another host, cached pages included: %s', async (_what, request) => {
    await listen();
    for (const path of PATHS) {
      // Asked first as a browser on this machine would: the answer is cached, and the fast path has it.
      expect(await rawRequest(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}`)).toMatch(/^HTTP\/1\.1 (200|404)/);
      const response = await rawRequest(request(path));
      expect(response).toMatch(/^HTTP\/1\.1 421 /);
      expect(response).not.toContain('evil');
      expect(response).not.toContain('<title>');
    }
  });

  it.each(['localhost', '127.0.0.1', '127.0.0.2', '[::1]', 'LOCALHOST'])(
    'answers a loopback name or address with links to the listening address: %s',
    async (name) => {
      await listen();
      for (const path of PATHS) {
        const response = await rawRequest(`GET ${path} HTTP/1.1\r\nHost: ${name}:${port}`);
        expect(response).toMatch(/^HTTP\/1\.1 (200|404)/);
        if (path !== '/nowhere') expect(response).toContain(`http://127.0.0.1:${port}/`);
      }
    },
  );

  it('refuses a DNS-rebinding page that would star an author, and reads none of its pages', async () => {
    await listen();
    const before = world.context.db.prepare('SELECT count(*) AS n FROM marks').get();
    const star = await rawRequest(
      `POST /papers/2609.00001/save HTTP/1.1\r\nHost: rebind.evil:${port}\r\nOrigin: http://rebind.evil:${port}\r\n` +
        'Sec-Fetch-Site: same-origin\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0',
    );
    expect(star).toMatch(/^HTTP\/1\.1 421 /);
    for (const path of ['/saved.json', '/watches'])
      expect(await rawRequest(`GET ${path} HTTP/1.1\r\nHost: rebind.evil:${port}`)).toMatch(/^HTTP\/1\.1 421 /);
    expect(world.context.db.prepare('SELECT count(*) AS n FROM marks').get()).toEqual(before);
  });

  it('is refused when it comes twice', async () => {
    await listen();
    const response = await rawRequest(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example`);
    expect(response).toMatch(/^HTTP\/1\.1 400/);
    expect(response).not.toContain('evil.example');
  });

  it('gives way to PUBLIC_URL, which every link then uses, and whose host is answered', async () => {
    world.context = {
      ...world.context,
      config: loadConfig({ ...process.env, PUBLIC_URL: 'https://arxiv.example.org/' }),
    };
    await listen();
    // A proxy in front passes the public name on; the server's own address is answered too.
    for (const host of ['arxiv.example.org', `127.0.0.1:${port}`]) {
      const page = await rawRequest(`GET / HTTP/1.1\r\nHost: ${host}`);
      expect(page).toMatch(/<link rel=icon href="https:\/\/arxiv\.example\.org\/favicon\.[^"]+\.svg"/);
    }
    expect(await rawRequest('GET / HTTP/1.1\r\nHost: evil.example')).toMatch(/^HTTP\/1\.1 421 /);
  });
});
