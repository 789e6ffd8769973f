// The backfill progress line: rewritten in place on a terminal, one plain line per step elsewhere.
import { describe, expect, it } from 'vitest';
import { createProgress, formatEta, formatProgressLine } from '../../src/commands/progress.ts';

describe('progress', () => {
  it('estimates the time left from the days done so far', () => {
    expect(formatProgressLine({ daysDone: 2, daysTotal: 8, requests: 3, papers: 1204 }, 10_000)).toBe(
      'days 2/8, 3 requests, 1,204 papers, ETA 30 s',
    );
    expect(formatProgressLine({ daysDone: 8, daysTotal: 8, requests: 1, papers: 1 }, 10_000)).toBe(
      'days 8/8, 1 request, 1 paper',
    );
    expect([formatEta(200), formatEta(125_000), formatEta(7_500_000)]).toEqual(['1 s', '2 min', '2 h 5 min']);
  });

  it('rewrites one line on a terminal and ends it on finish', () => {
    let out = '';
    let clock = 0;
    const progress = createProgress({ isTTY: true, write: (t) => (out += t) }, () => clock);
    clock = 1000;
    progress.update({ daysDone: 1, daysTotal: 2, requests: 1, papers: 5 }, '2026-04-27: 5 papers');
    clock = 2000;
    progress.update({ daysDone: 2, daysTotal: 2, requests: 2, papers: 9 }, '2026-04-28: 4 papers');
    progress.finish();
    expect(out).toBe('\rdays 1/2, 1 request, 5 papers, ETA 1 s\x1b[K\rdays 2/2, 2 requests, 9 papers\x1b[K\n');
  });

  it('writes one plain line per step when not on a terminal', () => {
    let out = '';
    const progress = createProgress({ isTTY: false, write: (t) => (out += t) }, () => 0);
    progress.update({ daysDone: 1, daysTotal: 1, requests: 1, papers: 5 }, '2026-04-27: 5 papers');
    progress.finish();
    expect(out).toBe('2026-04-27: 5 papers (days 1/1, 1 request, 5 papers)\n');
  });
});
