// Catch-up against a fake arXiv on loopback: the current day from RSS, the gap from the API,
// each missing day asked for exactly once, nothing asked for twice.
import { afterEach, describe, expect, it } from 'vitest';
import { createArxivClient } from '../../src/app/arxiv-client.ts';
import { loadHolidays } from '../../src/calendar/announcement-days.ts';
import { planCatchUp, runCatchUp } from '../../src/jobs/catch-up.ts';
import { createFakeApi, replyRssDay, replyStatus } from '../support/fake-arxiv.ts';
import { countAnnouncements, createArxivWorld, RSS_PATH, storedDays, type ArxivWorld } from './world.ts';

const holidays = loadHolidays();
// Tuesday 1 December 2026, 00:40 New York time (EST).
const DEC_1 = '2026-12-01T05:40:00Z';
const WEEK_BEFORE = ['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];

let world: ArxivWorld;
afterEach(async () => world?.dispose());

describe('planCatchUp', () => {
  it('finds the days missing since the last stored one, skipping the weekend and the Thanksgiving-emptied day', () => {
    // No announcement on the evening of Thursday 26 Nov, so the feed day 27 Nov is empty; the
    // feed day 26 Nov carries Wednesday evening's announcement as usual.
    const plan = planCatchUp(new Set(['2026-11-19']), '2026-12-01', holidays);
    expect(plan).toEqual({
      current: '2026-12-01',
      missing: ['2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-30'],
      initial: false,
    });
  });

  it('starts an empty database with the last 7 announcement days, the current one from RSS', () => {
    const plan = planCatchUp(new Set(), '2026-04-28', holidays);
    expect(plan).toEqual({
      current: '2026-04-28',
      missing: ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24', '2026-04-27'],
      initial: true,
    });
  });

  it('fills holes among the recent days, e.g. after an interrupted first start', () => {
    const plan = planCatchUp(new Set(['2026-04-28']), '2026-04-28', holidays);
    expect(plan.current).toBeUndefined();
    expect(plan.missing).toHaveLength(6);
  });

  it('on a weekend has no current day and takes Friday from the API', () => {
    const plan = planCatchUp(
      new Set(['2026-04-16', '2026-04-17', '2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23']),
      '2026-04-25',
      holidays,
    );
    expect(plan).toEqual({ current: undefined, missing: ['2026-04-24'], initial: false });
  });
});

describe('runCatchUp', () => {
  it('fills exactly the missing days once, and a second run asks arXiv for nothing', async () => {
    world = await createArxivWorld(DEC_1);
    world.ingestDay('2026-11-19', []);
    const api = createFakeApi({ perWindow: 3 });
    world.arxiv.on(RSS_PATH, replyRssDay('2026-12-01'));
    world.arxiv.on('/api/query', api.reply);

    const result = await runCatchUp(world.context, world.http, { holidays });
    expect(result.stale).toBeUndefined();
    // Windows in UTC (EST = UTC-5): each from the previous announcement's 14:00 ET cutoff.
    expect(api.windows).toEqual([
      '[202611181900 TO 202611191859]', // 20 Nov: Thursday evening's announcement
      '[202611191900 TO 202611201859]', // 23 Nov: Sunday evening's, closed on Friday 14:00
      '[202611201900 TO 202611231859]', // 24 Nov: Friday 14:00 to Monday 14:00
      '[202611231900 TO 202611241859]',
      '[202611241900 TO 202611251859]', // 26 Nov: Wednesday evening's
      '[202611251900 TO 202611271859]', // 30 Nov: Wednesday to Friday, Thanksgiving rolled in
    ]);
    expect(storedDays(world)).toEqual([
      '2026-11-19',
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-30',
      '2026-12-01',
    ]);
    expect(countAnnouncements(world, '2026-11-30')).toBe(3);
    expect(countAnnouncements(world, '2026-12-01')).toBe(3);

    const before = world.arxiv.requests.length;
    await runCatchUp(world.context, world.http, { holidays });
    expect(world.arxiv.requests.length).toBe(before);
  });

  it('reports a stale feed (still the previous day) and still fills the gap', async () => {
    world = await createArxivWorld(DEC_1);
    for (const day of WEEK_BEFORE) world.ingestDay(day, []);
    const api = createFakeApi();
    world.arxiv.on(RSS_PATH, replyRssDay('2026-11-30'));
    world.arxiv.on('/api/query', api.reply);
    const result = await runCatchUp(world.context, world.http, { holidays });
    expect(result.stale).toEqual({ expected: '2026-12-01', shown: '2026-11-30' });
    // The RSS feed delivered 30 Nov itself, so the API was not asked for it.
    expect(api.windows).toEqual([]);
    expect(storedDays(world)).toEqual([...WEEK_BEFORE, '2026-11-30']);
  });

  it('honours Retry-After from the API and then stores the day', async () => {
    world = await createArxivWorld(DEC_1);
    for (const day of [...WEEK_BEFORE, '2026-12-01']) world.ingestDay(day, []);
    const api = createFakeApi();
    world.arxiv.on('/api/query', replyStatus(503, { retryAfter: 1 }), api.reply);
    const waits: number[] = [];
    const http = createArxivClient(world.context, { sleep: async (ms) => void waits.push(ms) });
    try {
      await runCatchUp(world.context, http, { holidays });
    } finally {
      await http.close();
    }
    expect(world.arxiv.requests).toHaveLength(2);
    expect(waits).toEqual([1000]);
    expect(storedDays(world)).toContain('2026-11-30');
  });
});
