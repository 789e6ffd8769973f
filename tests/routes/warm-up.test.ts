// serve warms its web thread at the start by asking itself what the page asks most: the requests
// must reach the actions (a 404 for a paper no day has, after the guard, the body and its check),
// or the reader's first click still pays V8's compiling; and they write nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { warmUp } from '../../src/routes/warm-up.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, type TestWorld } from '../support/build-db.ts';

let world: TestWorld | undefined;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  world?.close();
});

const count = (table: string) =>
  (world!.context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('warming the web thread', () => {
  it('reaches the save and hide actions past the write guard, and writes nothing', async () => {
    world = createTestWorld({});
    server = await startServer(createApp({ context: world.context, holidays: new Set() }), {
      host: '127.0.0.1',
      port: 0,
    });
    expect(await warmUp(server.url)).toEqual([200, 404, 404, 404]);
    expect(count('marks')).toBe(0);
  });

  it('asks over loopback when the server listens on every address', async () => {
    world = createTestWorld({});
    server = await startServer(createApp({ context: world.context, holidays: new Set() }), {
      host: '0.0.0.0',
      port: 0,
    });
    expect(server.url).toMatch(/^http:\/\/0\.0\.0\.0:/);
    expect(await warmUp(server.url)).toEqual([200, 404, 404, 404]);
  });
});
