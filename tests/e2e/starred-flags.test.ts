// Stored starred flags always agree with config/authors.json as it is, whatever runs beside a
// running server: real `serve` and CLI processes on one database, a fake arXiv on loopback.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { markDayStored } from '../../src/store/write/announcements.ts';
import { spawnCli } from '../support/cli.ts';
import { replyRssDay, startFakeArxiv, type FakeArxiv, type Reply } from '../support/fake-arxiv.ts';
import { RSS_PATH, startServeProcess, stopServeProcesses } from '../support/serve-process.ts';

const CONFIG = new URL('../../config/authors.json', import.meta.url).pathname;
// Tuesday 28 April 2026, 00:40 New York time; the feed of that day has a paper by Michal Valko.
const NOW = '2026-04-28T04:40:00Z';
const DAY = '2026-04-28';

let arxiv: FakeArxiv;
let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'curator-flags-'));
  arxiv = await startFakeArxiv();
  env = {
    CURATOR_DB: join(dir, 'curator.db'),
    CURATOR_AUTHORS: join(dir, 'authors.json'),
    CURATOR_NOW: NOW,
    ARXIV_MIN_INTERVAL_MS: '20',
    ARXIV_RSS_BASE: `${arxiv.url}/rss/`,
  };
  writeFileSync(env.CURATOR_AUTHORS!, readFileSync(CONFIG));
  // The week before is stored: the server's only request is the RSS feed of the day.
  const db = openDb(env.CURATOR_DB!);
  for (const day of ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24', '2026-04-27']) {
    markDayStored(db, day, 'rss', NOW);
  }
  db.close();
});
afterEach(async () => {
  stopServeProcesses();
  await arxiv.close();
  rmSync(dir, { recursive: true, force: true });
});

function starValko(): void {
  const config = JSON.parse(readFileSync(env.CURATOR_AUTHORS!, 'utf8'));
  config.authors.push({ id: 'michal-valko', name: 'Michal Valko' });
  writeFileSync(env.CURATOR_AUTHORS!, JSON.stringify(config, null, 2));
}

type DigestJson = { papers: { authors: string[]; starred: { name: string }[] }[] };

function valkoStars(digest: DigestJson): string[] {
  const paper = digest.papers.find((p) => p.authors.includes('Michal Valko'));
  return paper?.starred.map((star) => star.name) ?? ['(no Valko paper)'];
}

describe('starred flags and a running server', () => {
  it('a CLI command run after an edit cannot leave the server flagging new papers with the old list', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    const heldRss: Reply = (req, res) => (asked(), void held.then(() => replyRssDay(DAY)(req, res)));
    arxiv.on(RSS_PATH, heldRss);
    const server = startServeProcess(arxiv, env);
    await requested;
    // While the server waits for arXiv: the user stars an author and checks the name.
    starValko();
    expect((await spawnCli(['authors', 'check', 'Michal Valko'], env)).code).toBe(0);
    release();
    await server.waitForLog('catchup.end');
    server.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
    const digest = await spawnCli(['digest', '--date', DAY, '--format', 'json'], env);
    expect(valkoStars(JSON.parse(digest.stdout) as DigestJson)).toEqual(['Michal Valko']);
  }, 60_000);

  it('notices an edit of authors.json by itself and re-flags without a restart', async () => {
    arxiv.on(RSS_PATH, replyRssDay(DAY));
    const server = startServeProcess(arxiv, env);
    const url = await server.url;
    await server.waitForLog('catchup.end');
    const read = async () => valkoStars((await (await fetch(`${url}digest/${DAY}.json`)).json()) as DigestJson);
    expect(await read()).toEqual([]);
    starValko();
    const deadline = Date.now() + 10_000;
    let stars = await read();
    while (stars.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stars = await read();
    }
    expect(stars).toEqual(['Michal Valko']);
    await server.waitForLog('authors.reflagged');
  }, 60_000);
});
