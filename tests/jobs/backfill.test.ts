// Backfill from the API against a fake arXiv: paging, resuming after a kill, --force, empty answers.
import { afterEach, describe, expect, it } from 'vitest';
import { loadHolidays } from '../../src/calendar/announcement-days.ts';
import { backfillDays, MAX_PAGES_PER_DAY } from '../../src/jobs/backfill.ts';
import { createFakeApi, replyStall, type Reply } from '../support/fake-arxiv.ts';
import { countAnnouncements, createArxivWorld, storedDays, type ArxivWorld } from './world.ts';

const holidays = loadHolidays();
const NOW = '2026-04-30T12:00:00Z';
const DAYS = ['2026-04-27', '2026-04-28', '2026-04-29'];

let world: ArxivWorld;
afterEach(async () => world?.dispose());

describe('backfillDays', () => {
  it('pages with start until totalResults and files the papers under the day, typed by primary category', async () => {
    world = await createArxivWorld(NOW);
    const api = createFakeApi({ perWindow: 5 });
    world.arxiv.on('/api/query', api.reply);
    const result = await backfillDays(world.context, world.http, ['2026-04-28'], { holidays, pageSize: 2 });
    expect(api.queries.map((q) => [q.get('start'), q.get('max_results'), q.get('sortBy'), q.get('sortOrder')])).toEqual(
      [
        ['0', '2', 'submittedDate', 'ascending'],
        ['2', '2', 'submittedDate', 'ascending'],
        ['4', '2', 'submittedDate', 'ascending'],
      ],
    );
    expect(result).toMatchObject({ daysDone: 1, requests: 3, papers: 5 });
    const types = world.context.db
      .prepare(
        "SELECT announce_type AS t, count(*) AS n FROM announcements WHERE day = '2026-04-28' GROUP BY t ORDER BY t",
      )
      .all();
    expect(types).toEqual([
      { t: 'cross', n: 2 },
      { t: 'new', n: 3 },
    ]);
    const run = world.context.db.prepare('SELECT day, status, counts FROM fetch_runs ORDER BY id DESC LIMIT 1').get();
    expect(run).toEqual({ day: '2026-04-28', status: 200, counts: JSON.stringify({ papers: 1, total: 5 }) });
  });

  it('resumes after a kill mid-day: finished days are skipped, the cut day is redone whole, nothing doubles', async () => {
    world = await createArxivWorld(NOW);
    const api = createFakeApi({ perWindow: 3 });
    const killed = new AbortController();
    // Day 1 and the first page of day 2 answer; the second page of day 2 hangs and the process is "killed".
    let calls = 0;
    const hangThenKill: Reply = (req, res) => {
      if (++calls <= 3) return api.reply(req, res);
      replyStall()(req, res);
      killed.abort(new Error('killed'));
    };
    world.arxiv.on('/api/query', hangThenKill);
    await expect(
      backfillDays(world.context, world.http, DAYS, { holidays, pageSize: 2, signal: killed.signal }),
    ).rejects.toThrow();
    expect(storedDays(world)).toEqual(['2026-04-27']);
    expect(countAnnouncements(world, '2026-04-28')).toBe(0);

    world.arxiv.on('/api/query', api.reply);
    const windowsBefore = api.windows.length;
    const result = await backfillDays(world.context, world.http, DAYS, { holidays, pageSize: 2 });
    expect(result.days.map((d) => d.kind)).toEqual(['skipped', 'stored', 'stored']);
    expect(api.windows.length - windowsBefore).toBe(4);
    for (const day of DAYS) expect(countAnnouncements(world, day)).toBe(3);
    expect(storedDays(world)).toEqual(DAYS);
  });

  it('fetches a stored day again only with force', async () => {
    world = await createArxivWorld(NOW);
    const api = createFakeApi();
    world.arxiv.on('/api/query', api.reply);
    world.ingestDay('2026-04-28', []);
    await backfillDays(world.context, world.http, ['2026-04-28'], { holidays });
    expect(api.windows).toEqual([]);
    await backfillDays(world.context, world.http, ['2026-04-28'], { holidays, force: true });
    expect(api.windows).toEqual(['[202604241800 TO 202604271759]']);
    expect(countAnnouncements(world, '2026-04-28')).toBe(3);
  });

  it('does not mark a day stored when the API has nothing for it yet', async () => {
    world = await createArxivWorld(NOW);
    world.arxiv.on('/api/query', createFakeApi({ perWindow: 0 }).reply);
    const result = await backfillDays(world.context, world.http, ['2026-04-29'], { holidays });
    expect(result.days).toEqual([{ day: '2026-04-29', kind: 'empty', papers: 0, requests: 1 }]);
    expect(storedDays(world)).toEqual([]);
  });

  it('stops paging when a page repeats what came before, stores what came, and says so', async () => {
    world = await createArxivWorld(NOW);
    const api = createFakeApi({ perWindow: 30_000, claimedTotal: 30_000, repeat: true });
    world.arxiv.on('/api/query', api.reply);
    const result = await backfillDays(world.context, world.http, ['2026-04-28'], { holidays, pageSize: 1 });
    expect(api.queries).toHaveLength(2);
    expect(result.days).toEqual([
      {
        day: '2026-04-28',
        kind: 'stored',
        papers: 1,
        requests: 2,
        cutShort:
          'page 2 added no new paper (the API claimed 30000 results and gave 1 in 2 pages); backfill --from 2026-04-28 --to 2026-04-28 --force tries again',
      },
    ]);
    expect(countAnnouncements(world, '2026-04-28')).toBe(1);
  });

  it('stops at the cap of pages a day when every page brings one paper of 30,000 claimed', async () => {
    world = await createArxivWorld(NOW);
    const api = createFakeApi({ perWindow: 30_000, claimedTotal: 30_000 });
    world.arxiv.on('/api/query', api.reply);
    const result = await backfillDays(world.context, world.http, ['2026-04-28'], { holidays, pageSize: 1 });
    expect(api.queries).toHaveLength(MAX_PAGES_PER_DAY);
    expect(result.days[0]).toMatchObject({ kind: 'stored', papers: MAX_PAGES_PER_DAY, requests: MAX_PAGES_PER_DAY });
    expect(result.days[0]!.cutShort).toMatch(/^stopped at 16 pages a day \(the API claimed 30000 results and gave 16/);
    const runs = world.context.db.prepare('SELECT count(*) FROM fetch_runs').pluck().get();
    expect(runs).toBe(MAX_PAGES_PER_DAY);
  });
});
