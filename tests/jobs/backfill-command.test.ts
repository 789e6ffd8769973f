// `arxiv-curator backfill` through the CLI entry point, against a fake arXiv on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createFakeApi, createFakeOai, startFakeArxiv, type FakeArxiv } from '../support/fake-arxiv.ts';
import { makeTempDb, runCli } from '../support/cli.ts';

let arxiv: FakeArxiv;
let temp: ReturnType<typeof makeTempDb>;
afterEach(async () => {
  await arxiv?.close();
  temp?.cleanup();
});

async function setUp() {
  arxiv = await startFakeArxiv();
  temp = makeTempDb();
  return {
    CURATOR_DB: temp.db,
    CURATOR_NOW: '2026-04-30T12:00:00Z',
    ARXIV_MIN_INTERVAL_MS: '0',
    ARXIV_API_URL: `${arxiv.url}/api/query`,
    ARXIV_OAI_URL: `${arxiv.url}/oai`,
  };
}

describe('arxiv-curator backfill', () => {
  it('prints one plain line per day and a summary, and a rerun fetches nothing', async () => {
    const env = await setUp();
    const api = createFakeApi();
    arxiv.on('/api/query', api.reply);
    const first = await runCli(['backfill', '--from', '2026-04-24', '--to', '2026-04-28'], env);
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^2026-04-24: 3 papers in 1 request \(days 1\/3, 1 request, 3 papers, ETA \d+ s\)$/),
      expect.stringMatching(/^2026-04-27: 3 papers in 1 request \(days 2\/3, 2 requests, 6 papers, ETA \d+ s\)$/),
      '2026-04-28: 3 papers in 1 request (days 3/3, 3 requests, 9 papers)',
    ]);
    expect(first.stdout).toContain(
      '3 announcement days from 2026-04-24 to 2026-04-28: 3 fetched, 0 already stored; 9 papers in 3 requests',
    );
    const again = await runCli(['backfill', '--from', '2026-04-24', '--to', '2026-04-28'], env);
    expect(again.stdout).toContain(
      '3 announcement days from 2026-04-24 to 2026-04-28: 0 fetched, 3 already stored; 0 papers in 0 requests',
    );
    expect(api.windows).toHaveLength(3);
  });

  it('reports a day whose paging was cut short', async () => {
    const env = await setUp();
    arxiv.on('/api/query', createFakeApi({ perWindow: 1, claimedTotal: 30_000, repeat: true }).reply);
    const result = await runCli(['backfill', '--from', '2026-04-28', '--to', '2026-04-28'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '2026-04-28: 1 paper in 2 requests; paging cut short: page 2 added no new paper (the API claimed 30000 results and gave 1 in 2 pages)',
    );
  });

  it('refuses a missing --from and an unknown --source', async () => {
    const env = await setUp();
    expect(await runCli(['backfill'], env)).toMatchObject({
      code: 1,
      stderr: 'arxiv-curator: --from: required, e.g. backfill --from 2026-04-01\n',
    });
    expect((await runCli(['backfill', '--from', '2026-04-01', '--source', 'ftp'], env)).stderr).toContain(
      '--source: "ftp" is not one of api, oai',
    );
  });

  it('--source oai harvests the three sets and says the papers have no announcement day', async () => {
    const env = await setUp();
    arxiv.on('/oai', createFakeOai({ pages: 1 }).reply);
    const result = await runCli(['backfill', '--from', '2026-01-05', '--source', 'oai'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('OAI-PMH: 9 records modified since 2026-01-05 in 3 requests.');
    expect(result.stdout).toContain('stored without one');
    const db = new Database(temp.db, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM days').get()).toEqual({ n: 0 });
    db.close();
  });
});
