// Submission windows from arXiv's schedule (src/fetcher/FORMATS.md §5), and the API query built from them.
import { describe, expect, it } from 'vitest';
import { loadHolidays } from '../../src/calendar/announcement-days.ts';
import { buildApiUrl } from '../../src/jobs/backfill.ts';
import { easternInstant } from '../../src/calendar/eastern.ts';
import { formatApiRange, submissionWindow } from '../../src/jobs/windows.ts';

const holidays = loadHolidays();
const iso = (day: string) => {
  const w = submissionWindow(day, holidays);
  return [w.from.toISOString(), w.to.toISOString()];
};

describe('submissionWindow', () => {
  it('gives a Tuesday feed day the Friday 14:00 to Monday 14:00 submissions (EDT)', () => {
    expect(iso('2026-04-28')).toEqual(['2026-04-24T18:00:00.000Z', '2026-04-27T18:00:00.000Z']);
  });

  it('gives a Monday feed day (Sunday evening) Thursday 14:00 to Friday 14:00 (EST)', () => {
    expect(iso('2026-11-23')).toEqual(['2026-11-19T19:00:00.000Z', '2026-11-20T19:00:00.000Z']);
  });

  it('spans the spring-forward weekend with the right offset at each end', () => {
    // Fri 6 Mar 14:00 EST = 19:00Z; Mon 9 Mar 14:00 EDT = 18:00Z.
    expect(iso('2026-03-10')).toEqual(['2026-03-06T19:00:00.000Z', '2026-03-09T18:00:00.000Z']);
  });

  it('rolls the submissions of a holiday evening (Thanksgiving, 26 Nov) into the next announcement', () => {
    // The feed day 27 Nov is empty; the Monday 30 Nov feed holds Wed 14:00 to Fri 14:00.
    expect(() => submissionWindow('2026-11-27', holidays)).toThrow(RangeError);
    expect(iso('2026-11-30')).toEqual(['2026-11-25T19:00:00.000Z', '2026-11-27T19:00:00.000Z']);
  });

  it('leaves no gap and no overlap between consecutive announcement days', () => {
    const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-30', '2026-12-01'];
    for (let i = 1; i < days.length; i++) expect(iso(days[i]!)[0]).toBe(iso(days[i - 1]!)[1]);
  });
});

describe('easternInstant', () => {
  it('reads the offset from the zone data on both sides of the autumn change', () => {
    expect(easternInstant('2026-10-31', 0, 30).toISOString()).toBe('2026-10-31T04:30:00.000Z');
    expect(easternInstant('2026-11-02', 0, 30).toISOString()).toBe('2026-11-02T05:30:00.000Z');
  });
});

describe('the API query', () => {
  it('asks for the window in GMT to the minute, ending a minute before the cutoff', () => {
    expect(formatApiRange(submissionWindow('2026-03-10', holidays))).toBe('[202603061900 TO 202603091759]');
  });

  it('is form-encoded with the categories, sort order and page', () => {
    const url = buildApiUrl(
      'http://127.0.0.1:9/api/query',
      ['cs.LG', 'cs.NE', 'stat.ML'],
      submissionWindow('2026-03-10', holidays),
      2000,
      2000,
    );
    expect(url).toBe(
      'http://127.0.0.1:9/api/query?search_query=%28cat%3Acs.LG+OR+cat%3Acs.NE+OR+cat%3Astat.ML%29+AND+submittedDate%3A%5B202603061900+TO+202603091759%5D' +
        '&sortBy=submittedDate&sortOrder=ascending&start=2000&max_results=2000',
    );
    expect(new URL(url).searchParams.get('search_query')).toBe(
      '(cat:cs.LG OR cat:cs.NE OR cat:stat.ML) AND submittedDate:[202603061900 TO 202603091759]',
    );
  });
});
