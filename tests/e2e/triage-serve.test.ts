// The real `serve` process (compiled or from source, as bin/arxiv-curator.js picks): a save posted
// to it is ranked by its worker thread without a restart, and SIGTERM still ends it cleanly.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { markDayStored } from '../../src/store/write/announcements.ts';
import { replyRssDay, startFakeArxiv, type FakeArxiv } from '../support/fake-arxiv.ts';
import { RSS_PATH, startServeProcess, stopServeProcesses } from '../support/serve-process.ts';

const CONFIG = new URL('../../config/authors.json', import.meta.url).pathname;
const NOW = '2026-04-28T04:40:00Z';
const DAY = '2026-04-28';

let arxiv: FakeArxiv;
let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'curator-triage-serve-'));
  arxiv = await startFakeArxiv();
  env = {
    CURATOR_DB: join(dir, 'curator.db'),
    CURATOR_AUTHORS: join(dir, 'authors.json'),
    CURATOR_NOW: NOW,
    ARXIV_MIN_INTERVAL_MS: '20',
  };
  writeFileSync(env.CURATOR_AUTHORS!, readFileSync(CONFIG));
  const db = openDb(env.CURATOR_DB!);
  for (const day of ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24', '2026-04-27'])
    markDayStored(db, day, 'rss', NOW);
  db.close();
});
afterEach(async () => {
  stopServeProcesses();
  await arxiv.close();
  rmSync(dir, { recursive: true, force: true });
});

type DigestJson = { papers: { id: string; score: number | null; why: string | null; mark: string | null }[] };

describe('triage on a running server', () => {
  it('ranks the day on its worker after a save, and still stops cleanly on SIGTERM', async () => {
    arxiv.on(RSS_PATH, replyRssDay(DAY));
    const server = startServeProcess(arxiv, env);
    const url = await server.url;
    await server.waitForLog('catchup.end');
    const read = async () => (await (await fetch(`${url}digest/${DAY}.json`)).json()) as DigestJson;
    const [first] = (await read()).papers;
    const saved = await fetch(`${url}papers/${first!.id}/save`, {
      method: 'POST',
      headers: { origin: new URL(url).origin, accept: 'application/json' },
    });
    expect(await saved.json()).toEqual({ id: first!.id, mark: 'saved', changed: 1 });
    await server.waitForLog('rank.trained kind=tfidf-logistic');
    const ranked = await read();
    expect(ranked.papers.find((paper) => paper.id === first!.id)?.mark).toBe('saved');
    for (const paper of ranked.papers) expect(paper.score).toEqual(expect.any(Number));
    expect(await (await fetch(`${url}digest/${DAY}`)).text()).toContain('<section id=foryou><h2>For you (');
    server.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
  }, 60_000);
});
