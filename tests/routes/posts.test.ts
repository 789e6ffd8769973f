// Every POST body is bounded and validated by shape (routes/posts.ts), on a real listening server:
// a body over the limit is a 413 before it is read in full (a Content-Length over it before a byte of
// it, a chunked body as soon as it passes the limit, while the client is still sending); who may
// write is decided before any body is read; odd JSON is a 400 naming the field, never a 500.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { MAX_BODY_BYTES } from '../../src/routes/posts.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

const TOKEN = 'a-long-enough-secret-token';
let world: TestWorld | undefined;
let server: RunningServer | undefined;
let port = 0;
afterEach(async () => {
  await server?.close();
  world?.close();
});

async function serve(env: NodeJS.ProcessEnv = {}): Promise<string> {
  world = createTestWorld({ env });
  world.ingestDay('2026-09-24', [makePaper({ id: '2609.00001', authors: ['Yoshua Bengio', 'Ada Lovelace'] })]);
  server = await startServer(createApp({ context: world.context, holidays: new Set() }), {
    host: '127.0.0.1',
    port: 0,
  });
  port = Number(new URL(server.url).port);
  return server.url.replace(/\/$/, '');
}

/**
 * Sends `head` (request line and fields), then `chunks` of the body one after another while the
 * server has not answered; resolves with the answer's status line and how many body bytes were sent
 * before it came. The body is never finished: an answer means the server did not wait for its end.
 */
function sendUntilAnswered(head: string, chunks: Iterable<Buffer>): Promise<{ status: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let sent = 0;
    let answered = false;
    socket.on('error', (error: NodeJS.ErrnoException) => (answered ? undefined : reject(error)));
    socket.once('data', (data: Buffer) => {
      answered = true;
      resolve({ status: data.toString('latin1').split('\r\n')[0]!, sent });
      socket.destroy();
    });
    socket.on('connect', () => {
      socket.write(`${head}\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      const iterator = chunks[Symbol.iterator]();
      const pump = (): void => {
        for (;;) {
          if (answered) return;
          const next = iterator.next();
          if (next.done) return;
          sent += next.value.length;
          if (!socket.write(next.value)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
  });
}

function* chunked(size: number, count: number): Generator<Buffer> {
  const chunk = Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), Buffer.alloc(size, 0x61), Buffer.from('\r\n')]);
  for (let i = 0; i < count; i++) yield chunk;
}

const JSON_HEAD = 'Content-Type: application/json';

describe('a body over the limit', () => {
  it('is refused with 413 on its Content-Length, before a byte of it is sent', async () => {
    await serve();
    const answer = await sendUntilAnswered(
      `POST /watches HTTP/1.1\r\n${JSON_HEAD}\r\nContent-Length: ${200 * 1024 * 1024}`,
      [],
    );
    expect(answer).toEqual({ status: 'HTTP/1.1 413 Payload Too Large', sent: 0 });
  });

  it('is refused with 413 when streamed without a Content-Length, as soon as it passes the limit', async () => {
    await serve();
    // 64 chunks of 64 kB: 4 MB offered, never a last chunk.
    const answer = await sendUntilAnswered(
      `POST /watches HTTP/1.1\r\n${JSON_HEAD}\r\nTransfer-Encoding: chunked`,
      chunked(64 * 1024, 64),
    );
    expect(answer.status).toBe('HTTP/1.1 413 Payload Too Large');
    expect(answer.sent).toBeGreaterThan(MAX_BODY_BYTES);
  });

  it('is smaller for /login: 4 kB', async () => {
    const base = await serve({ HOST: '0.0.0.0', CURATOR_TOKEN: TOKEN });
    const response = await fetch(`${base}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: `token=${'x'.repeat(4096)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: "The request's body is larger than the 4 kB this address takes.",
    });
  });

  it('never waits for the body of a request that may not write', async () => {
    await serve({ HOST: '0.0.0.0', CURATOR_TOKEN: TOKEN });
    const head = (path: string) =>
      `POST ${path} HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nOrigin: http://127.0.0.1:${port}\r\nContent-Length: 1000`;
    // Without the token: 401 with no byte of the body sent.
    expect(await sendUntilAnswered(head('/papers/2609.00001/save'), [])).toEqual({
      status: 'HTTP/1.1 401 Unauthorized',
      sent: 0,
    });
    // Past the sign-in's rate limit: 429, the body unread too.
    for (let i = 0; i < 10; i++) await sendUntilAnswered(head('/login'), [Buffer.from('token=x'.padEnd(1000, 'x'))]);
    expect(await sendUntilAnswered(head('/login'), [])).toEqual({ status: 'HTTP/1.1 429 Too Many Requests', sent: 0 });
  });
});

describe('odd bodies get a 400 naming the field, never a 500', () => {
  const deep = `{"q":${'{"q":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
  const cases: [string, string, string][] = [
    ['/papers/2609.00001/star', '{"a":{"toString":1}}', 'a: expected a whole number from 0 to 100000'],
    ['/papers/2609.00001/star', '{"a":-1}', 'a: expected a whole number from 0 to 100000'],
    ['/papers/2609.00001/star', '{"a":1,"b":2}', 'b: unexpected field'],
    ['/papers/2609.00001/save', '{"__proto__":{"admin":true}}', '__proto__: unexpected field'],
    ['/watches', '{"q":{"toString":"x"}}', "q: expected the watch's query"],
    ['/watches', deep, "q: expected the watch's query"],
    ['/watches', `[${'['.repeat(100_000)}${']'.repeat(100_000)}]`, 'The body must be a JSON object.'],
    ['/watches', '{"mail":true}', 'q: missing'],
    ['/watches', '{"q":"robots","mail":"yes"}', 'mail: expected 1 or 0, or true or false'],
    ['/watches', '{"q":', 'The body is not JSON'],
    ['/digest/2026-09-24/seen', '{"day":"2026-09-24"}', 'day: unexpected field'],
    ['/watches/x/remove', '"x"', 'The body must be a JSON object.'],
  ];
  const title = (body: string) => (body.length > 60 ? `${body.slice(0, 12)}… (${body.length} characters)` : body);
  it.each(cases.map(([path, body, error]) => [`${path} ${title(body)}`, path, body, error]))(
    '%s',
    async (_what, path, body, error) => {
      const base = await serve();
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toContain(error);
      expect((await fetch(`${base}/`)).status).toBe(200);
    },
  );

  it('a form field given twice, or a body that is neither a form nor JSON', async () => {
    const base = await serve();
    const form = { 'content-type': 'application/x-www-form-urlencoded', origin: base };
    const twice = await fetch(`${base}/watches`, { method: 'POST', headers: form, body: 'q=a&q=b' });
    expect([twice.status, await twice.json()]).toEqual([400, { error: 'q: given more than once' }]);
    const xml = await fetch(`${base}/watches`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<q/>',
    });
    expect([xml.status, await xml.json()]).toEqual([415, { error: 'Send a form or a JSON object.' }]);
    // A well-formed body still does what it says.
    const added = await fetch(`${base}/watches`, {
      method: 'POST',
      headers: { ...form, accept: 'application/json' },
      body: 'q=robots&mail=0',
    });
    expect([added.status, await added.json()]).toEqual([200, { slug: 'robots' }]);
  });
});
