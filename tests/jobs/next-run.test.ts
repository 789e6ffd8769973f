// The daily run time: 00:30 New York time, Monday to Friday, whatever the UTC offset that day, read
// from node-cron itself: the next run shown is the one its timer fires at.
import cron from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAILY_CRON, nextRunAfter } from '../../src/jobs/scheduler.ts';

const localTime = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The runs a scheduler following nextRunAfter would make from `start` up to `end`. */
function runsBetween(start: string, end: string): Date[] {
  const runs: Date[] = [];
  for (let at = nextRunAfter(new Date(start)); at < new Date(end); at = nextRunAfter(at)) runs.push(at);
  return runs;
}

describe('nextRunAfter', () => {
  it('moves from 05:30 UTC to 04:30 UTC across the spring change (Sunday 8 March 2026)', () => {
    expect(nextRunAfter(new Date('2026-03-06T05:00:00Z')).toISOString()).toBe('2026-03-06T05:30:00.000Z');
    expect(nextRunAfter(new Date('2026-03-06T05:30:00Z')).toISOString()).toBe('2026-03-09T04:30:00.000Z');
  });

  it('moves from 04:30 UTC to 05:30 UTC across the autumn change (Sunday 1 November 2026)', () => {
    expect(nextRunAfter(new Date('2026-10-30T04:00:00Z')).toISOString()).toBe('2026-10-30T04:30:00.000Z');
    expect(nextRunAfter(new Date('2026-10-30T04:31:00Z')).toISOString()).toBe('2026-11-02T05:30:00.000Z');
  });

  it('runs at 00:30 local time every weekday and never on a weekend, through both changes', () => {
    for (const [start, end] of [
      ['2026-03-04T12:00:00Z', '2026-03-14T12:00:00Z'],
      ['2026-10-28T12:00:00Z', '2026-11-07T12:00:00Z'],
    ] as const) {
      const runs = runsBetween(start, end).map((at) => localTime.format(at));
      expect(runs).toEqual(['Thu 00:30', 'Fri 00:30', 'Mon 00:30', 'Tue 00:30', 'Wed 00:30', 'Thu 00:30', 'Fri 00:30']);
    }
  });

  it('goes by the New York date, not the UTC one, late in the evening', () => {
    // Friday 23:00 EST is already Saturday in UTC; the next run is still Monday.
    expect(nextRunAfter(new Date('2026-12-05T04:00:00Z')).toISOString()).toBe('2026-12-07T05:30:00.000Z');
    // Sunday 23:00 EST is Monday 04:00 UTC: the run is 90 minutes later.
    expect(nextRunAfter(new Date('2026-12-07T04:00:00Z')).toISOString()).toBe('2026-12-07T05:30:00.000Z');
  });
});

describe('nextRunAfter and node-cron', () => {
  afterEach(() => void vi.useRealTimers());

  it("answers what node-cron's own task would, from any now (its clock set there)", () => {
    const task = cron.createTask(DAILY_CRON, () => {}, { timezone: 'America/New_York' });
    try {
      // A Friday night across the spring change, a weekend in autumn, a Sunday evening, a run's own instant.
      for (const now of [
        '2026-03-06T05:30:00Z',
        '2026-10-31T12:00:00Z',
        '2026-12-07T04:00:00Z',
        '2026-12-08T05:30:00Z',
      ]) {
        vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
        const [expected] = task.getNextRuns(1);
        vi.useRealTimers();
        expect(nextRunAfter(new Date(now)), now).toEqual(expected);
      }
    } finally {
      void task.destroy();
    }
  });

  it('leaves no task of its own in node-cron (nothing to keep the process up or to stop)', () => {
    nextRunAfter(new Date('2026-03-06T05:00:00Z'));
    expect([...cron.getTasks().values()].map((task) => task.name)).not.toContain('daily-fetch');
  });
});
