// /healthz as a monitor uses it: 200 ok, 200 degraded with the reasons, 503
// when pages cannot be served; computed at most every few seconds; the SMTP error whole only for
// a client on this machine.
import { openSync, statSync, writeSync, closeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/routes/listen.ts';
import type { HealthProbes } from '../../src/routes/health.ts';
import { createApp } from '../../src/server.ts';
import { finishSend, startSend } from '../../src/store/write/sends.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

let world: TestWorld;
let probes: HealthProbes & { asked: number };
beforeEach(() => {
  world = createTestWorld({ env: { SMTP_URL: 'smtp://mailer:secret@10.1.2.3:587', DIGEST_TO: 'me@example.org' } });
  world.ingestDay('2026-09-24', [makePaper()]);
  world.recordFetch({ at: '2026-09-25T04:05:00Z', status: 200, day: '2026-09-25' });
  probes = {
    asked: 0,
    freeBytes: () => (probes.asked++, 20 * 1024 ** 3),
    canWrite: () => true,
  };
});
afterEach(() => world.close());

const health = async (app = createApp({ context: world.context, holidays: new Set(), probes })) => {
  const response = await app.request('/healthz');
  return { code: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('/healthz', () => {
  it('is ok with a recent successful fetch, a writable database and room on the disk', async () => {
    expect(await health()).toMatchObject({ code: 200, body: { status: 'ok', reasons: [], database: 'ok', papers: 1 } });
  });

  it('is degraded, saying why, after a failed fetch; a fetch interrupted by SIGTERM is no failure', async () => {
    world.recordFetch({ at: '2026-09-25T05:05:00Z', status: 503, error: 'https://rss.arxiv.org/…: HTTP 503' });
    expect(await health()).toMatchObject({
      code: 200,
      body: {
        status: 'degraded',
        reasons: ['the last fetch failed (2026-09-25T05:05:00Z): https://rss.arxiv.org/…: HTTP 503'],
      },
    });
    world.recordFetch({ at: '2026-09-25T06:05:00Z', status: 200 });
    world.recordFetch({ at: '2026-09-25T07:05:00Z', error: 'interrupted (SIGTERM received)' });
    expect((await health()).body).toMatchObject({ status: 'ok' });
  });

  it('is degraded when no fetch has succeeded for days', async () => {
    world.close();
    world = createTestWorld({ now: () => new Date('2026-10-05T12:00:00Z') });
    world.recordFetch({ at: '2026-09-25T04:05:00Z', status: 200 });
    expect((await health()).body).toMatchObject({
      status: 'degraded',
      reasons: ['no fetch has succeeded since 2026-09-25T04:05:00Z'],
    });
  });

  it('is degraded on a read-only database and on a nearly full disk', async () => {
    probes.canWrite = () => false;
    probes.freeBytes = () => 10 * 1024 * 1024;
    expect(await health()).toMatchObject({
      code: 200,
      body: {
        status: 'degraded',
        database: 'read-only',
        reasons: [
          'the database is read-only: new announcements cannot be stored',
          "the database's disk is nearly full: 10 MB free",
        ],
      },
    });
  });

  it('is 503 when the database file is corrupt, as pages cannot be served', async () => {
    const path = world.context.config.dbPath;
    world.context.db.pragma('wal_checkpoint(TRUNCATE)');
    world.context.db.close();
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(size, 0x41), 0, size, 0);
    closeSync(fd);
    world.context.db = new Database(path);
    const app = createApp({ context: world.context, holidays: new Set(), probes });
    expect(await health(app)).toMatchObject({
      code: 503,
      body: { status: 'error', database: 'error', reasons: ['the database cannot be read (file is not a database)'] },
    });
    expect((await app.request('/')).status).toBe(500);
    world.context.db = new Database(':memory:');
  });

  it('is computed at most every few seconds, however often it is polled', async () => {
    const app = createApp({ context: world.context, holidays: new Set(), probes });
    for (let i = 0; i < 20; i++) await app.request('/healthz');
    expect(probes.asked).toBe(1);
  });
});

describe('the mail error on /healthz', () => {
  beforeEach(() => {
    const start = {
      day: '2026-09-24',
      messageId: '<m@x>',
      recipients: ['me@example.org'],
      now: '2026-09-25T05:00:00Z',
    };
    startSend(world.context.db, start);
    const error = 'ECONNREFUSED: connect ECONNREFUSED 10.1.2.3:587 (mailer@smtp.internal.example)';
    finishSend(world.context.db, '2026-09-24', { ok: false, tries: 3, error, now: start.now });
  });

  it('is whole for a client on this machine, and only its code for anyone else', async () => {
    const app = createApp({ context: world.context, holidays: new Set(), probes });
    const server = await startServer(app, { host: '127.0.0.1', port: 0 });
    try {
      const local = (await (await fetch(`${server.url}healthz`)).json()) as { mail: { lastError: { error: string } } };
      expect(local.mail.lastError.error).toContain('10.1.2.3:587');
      const proxied = await fetch(`${server.url}healthz`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
      const remote = (await proxied.json()) as { status: string; mail: { lastError: { error: string } } };
      expect(remote.mail.lastError.error).toBe("ECONNREFUSED (details in the server's log)");
      expect(JSON.stringify(remote)).not.toMatch(/10\.1\.2\.3|smtp\.internal|mailer/);
      expect(remote.status).toBe('degraded');
    } finally {
      await server.close();
    }
  });
});
