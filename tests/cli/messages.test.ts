// Messages that told the wrong story, each as a user meets it.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper } from '../support/build-db.ts';
import { FIXTURES, makeTempDb, runCli, spawnCli } from '../support/cli.ts';
import { startFakeArxiv, type FakeArxiv } from '../support/fake-arxiv.ts';
import { runAsNobody, skipOrFailInCi } from '../support/other-user.ts';

const RSS = join(FIXTURES, 'rss2-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed-4items.xml');

let temp: ReturnType<typeof makeTempDb>;
beforeEach(() => {
  temp = makeTempDb();
});
afterEach(() => {
  chmodSync(temp.dir, 0o755);
  temp.cleanup();
});

describe('a 304 without validators', () => {
  let arxiv: FakeArxiv;
  afterEach(async () => await arxiv.close());

  it('is not "not modified since the last fetch": there was none to compare with', async () => {
    arxiv = await startFakeArxiv();
    arxiv.on('/rss/cs.LG+cs.NE+stat.ML', (_req, res) => void res.writeHead(304).end());
    const result = await runCli(['fetch'], { CURATOR_DB: temp.db, ARXIV_RSS_BASE: `${arxiv.url}/rss/` });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `arxiv-curator: ${arxiv.url}/rss/cs.LG+cs.NE+stat.ML: HTTP 304 Not Modified to a request that was not conditional (no ETag or Last-Modified stored)\n`,
    });
  });
});

describe('a database that cannot be one', () => {
  it('names the file that is not a database', async () => {
    writeFileSync(temp.db, 'these are my notes, not a database\n'.repeat(200));
    expect(await runCli(['digest'], { CURATOR_DB: temp.db })).toEqual({
      code: 1,
      stdout: '',
      stderr: `arxiv-curator: ${temp.db}: file is not a database\n`,
    });
  });

  it('names the directory CURATOR_DB points at, as a broken configuration', async () => {
    mkdirSync(temp.db);
    expect(await runCli(['digest'], { CURATOR_DB: temp.db })).toEqual({
      code: 2,
      stdout: '',
      stderr: `arxiv-curator: ${temp.db}: a directory, not a database file (CURATOR_DB)\n`,
    });
  });
});

describe('a broken holidays file', () => {
  it('stops digest and serve with exit 2 like any broken configuration, naming the file', async () => {
    const holidays = join(temp.dir, 'holidays.json');
    writeFileSync(holidays, '{"holidays": ["2026-12-24", "Christmas"]}');
    const env = { CURATOR_DB: temp.db, CURATOR_HOLIDAYS: holidays, PORT: '0' };
    expect((await runCli(['import', RSS], env)).code).toBe(0);
    const reason = `arxiv-curator: ${holidays}: $.holidays[1]: "Christmas" is not a YYYY-MM-DD date\n`;
    expect(await runCli(['digest'], env)).toEqual({ code: 2, stdout: '', stderr: reason });
    expect(await spawnCli(['serve'], env)).toEqual({ code: 2, stdout: '', stderr: reason });
  });
});

describe('/digest/D.json', () => {
  it('answers every error in JSON', async () => {
    const world = createTestWorld();
    try {
      world.ingestDay('2026-09-24', [makePaper()]);
      const app = createApp({ context: world.context, holidays: new Set() });
      for (const [path, status] of [
        ['/digest/2026-13-45.json', 400],
        ['/digest/someday.json', 400],
        ['/digest/2026-09-30.json', 404],
      ] as const) {
        const response = await app.request(path);
        expect(response.status).toBe(status);
        expect(response.headers.get('content-type')).toContain('application/json');
        expect(await response.json()).toEqual({ error: expect.any(String) });
      }
      world.context.db.close(); // the database goes away under the server: a 500
      const failed = await app.request('/digest/2026-09-24.json');
      expect(failed.status).toBe(500);
      expect(await failed.json()).toEqual({ error: 'The server could not answer this request.' });
    } finally {
      world.context.db = createTestWorld().context.db;
      world.close();
    }
  });
});

describe('digest on a read-only data directory', () => {
  it('prints the digest with the flags as stored, warning that authors.json changed', async (context) => {
    const authors = join(temp.dir, 'authors.json');
    writeFileSync(authors, readFileSync(new URL('../../config/authors.json', import.meta.url)));
    const env = { CURATOR_DB: temp.db, CURATOR_AUTHORS: authors };
    expect((await runCli(['import', RSS], env)).code).toBe(0);
    // The list changes after the flags were stored; then the folder and its files become read-only.
    const config = JSON.parse(readFileSync(authors, 'utf8')) as { authors: object[] };
    config.authors.push({ id: 'ada-lovelace', name: 'Ada Lovelace' });
    writeFileSync(authors, JSON.stringify(config));
    chmodSync(temp.db, 0o444);
    chmodSync(authors, 0o444);
    chmodSync(temp.dir, 0o555);
    // As root, whom modes do not stop, the reader is nobody.
    const run = runAsNobody(['digest', '--date', '2026-09-24', '--format', 'json'], env);
    if ('reason' in run) return skipOrFailInCi(context, run.reason);
    const result = await run;
    expect(result.stderr).toBe(
      `arxiv-curator: warning: ${authors} changed since the flags were stored, and the database is read-only: the flags shown are the stored ones\n`,
    );
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { papers: unknown[] }).papers).toHaveLength(4);
  }, 30_000);
});
