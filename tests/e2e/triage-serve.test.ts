// The real `serve` process (compiled or from source, as bin/arxiv-curator.js picks): a save posted
// to it is ranked by its worker thread without a restart, and SIGTERM still ends it cleanly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyRssDay, type FakeArxiv } from '../support/fake-arxiv.ts';
import { createServeWorld, E2E_DAY, RSS_PATH, startServeProcess, type ServeWorld } from '../support/serve-process.ts';

const DAY = E2E_DAY;

let world: ServeWorld;
let arxiv: FakeArxiv;
let env: ServeWorld['env'];
beforeEach(async () => {
  world = await createServeWorld('curator-triage-serve-');
  ({ arxiv, env } = world);
});
afterEach(async () => await world.close());

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
    await server.waitForLog('rank.trained kind=tfidf-calibrated');
    const ranked = await read();
    expect(ranked.papers.find((paper) => paper.id === first!.id)?.mark).toBe('saved');
    for (const paper of ranked.papers) expect(paper.score).toEqual(expect.any(Number));
    expect(await (await fetch(`${url}digest/${DAY}`)).text()).toContain('<section id=foryou><h2>For you (');
    server.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
  }, 60_000);
});
