// Search in the real `arxiv-curator serve` process: answered by its render threads while the
// scheduler stores days, and the threads stop with the process on SIGTERM.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/build-db.ts';
import { createFakeApi, replyRssDay, startFakeArxiv, type FakeArxiv } from '../support/fake-arxiv.ts';
import { buildRealisticDay, describeRealisticDay } from '../support/realistic-day.ts';
import { RSS_PATH, startServeProcess, stopServeProcesses } from '../support/serve-process.ts';

let arxiv: FakeArxiv | undefined;
let world: TestWorld | undefined;
afterEach(async () => {
  stopServeProcesses();
  await arxiv?.close();
  if (world) rmSync(world.dir, { recursive: true, force: true });
});

describe('search in arxiv-curator serve', () => {
  it('finds papers on its render threads while the scheduler writes, and exits 0 on SIGTERM', async () => {
    world = createTestWorld();
    const papers = buildRealisticDay({ day: '2026-04-17', count: 400 });
    world.ingestDay('2026-04-17', papers);
    world.context.db.close();
    arxiv = await startFakeArxiv();
    arxiv.on(RSS_PATH, replyRssDay('2026-04-28'));
    arxiv.on('/api/query', createFakeApi().reply);
    const server = startServeProcess(arxiv, {
      CURATOR_DB: world.context.config.dbPath,
      CURATOR_NOW: '2026-04-28T04:40:00Z',
      ARXIV_MIN_INTERVAL_MS: '20',
    });
    const url = await server.url;
    const found = await Promise.all(
      ['Horvath', 'Horváth', "Horv\\'ath"].map(async (q) => {
        const response = await fetch(`${url}search?q=${encodeURIComponent(q)}`);
        expect(response.status).toBe(200);
        const html = await response.text();
        return [...html.matchAll(/<li><a href=https:\/\/arxiv\.org\/abs\/([^>\s]+)>/g)]
          .map((match) => match[1]!)
          .sort();
      }),
    );
    const horvath = describeRealisticDay(papers).horvathIds.sort();
    expect(found).toEqual([horvath, horvath, horvath]);
    expect((await fetch(url)).status).toBe(200);
    await server.waitForLog('catchup.end');
    expect(await (await fetch(`${url}search?q=${horvath[0]}`)).text()).toContain(
      `<h3><a href=https://arxiv.org/abs/${horvath[0]}>`,
    );
    server.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
  }, 60_000);
});
