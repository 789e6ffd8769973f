// A ranking from the first day: with nothing saved, the papers of the starred authors and of the
// keyword watches are what it learns from, and "For you" says it is still learning and from how many
// saves; on real papers (tests/fixtures/arxiv-daily), a robotics watch lifts the day's robotics papers.
import { afterEach, describe, expect, it } from 'vitest';
import { addWatch } from '../../src/actions/watches.ts';
import { ensureRankModel } from '../../src/jobs/retrain.ts';
import { TFIDF_KIND } from '../../src/rank/tfidf-ranker.ts';
import { getRankModel } from '../../src/store/read/model.ts';
import { createApp } from '../../src/server.ts';
import { loadArxivDailySlice } from '../support/arxiv-daily.ts';
import { createTestWorld, type TestWorld } from '../support/build-db.ts';

let world: TestWorld | undefined;
afterEach(() => world?.close());

interface JsonPaper {
  id: string;
  title: string;
  abstract: string;
  score: number | null;
}

const robotics = (paper: JsonPaper) => /robot|embodied|manipulat|locomot/i.test(`${paper.title} ${paper.abstract}`);

describe('a cold start', () => {
  it('learns from the watches before any save, and says so with the number of saves', async () => {
    world = createTestWorld({ authors: [] });
    const papers = loadArxivDailySlice();
    const days = [...new Set(papers.map((paper) => paper.day))].sort();
    for (const day of days)
      world.ingestDay(
        day,
        papers
          .filter((paper) => paper.day === day)
          .map(({ day: _day, ...paper }) => ({ ...paper, version: 1, announceType: 'new' as const })),
      );
    const last = days.at(-1)!;
    const app = createApp({ context: world.context, holidays: new Set() });
    const page = async () => (await app.request(`/digest/${last}`)).text();
    ensureRankModel(world.context);
    expect(await page()).toContain('Star an author, add a watch or save a paper to rank the day');

    await addWatch(world.context, 'robot*');
    expect(ensureRankModel(world.context)).toBe(true);
    expect(getRankModel(world.context.db)?.kind).toBe(TFIDF_KIND);
    expect(await page()).toContain(
      'The ranking is still learning: no saves yet, so it follows your starred authors and watches.',
    );
    const day = ((await (await app.request(`/digest/${last}.json`)).json()) as { papers: JsonPaper[] }).papers;
    const best = [...day].sort((a, b) => b.score! - a.score!).slice(0, 10);
    const share = day.filter(robotics).length / day.length;
    console.info(`robotics: ${best.filter(robotics).length} of the top 10, ${share.toFixed(3)} of the day`);
    expect(best.filter(robotics).length / 10).toBeGreaterThanOrEqual(3 * share);

    const saved = day.find((paper) => !robotics(paper))!;
    await app.request(`/papers/${saved.id}/save`, { method: 'POST', headers: { origin: 'http://127.0.0.1:3000' } });
    ensureRankModel(world.context);
    expect(await page()).toContain('The ranking is still learning: 1 save so far.');
  });
});
