import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDailyPapers } from '../../src/fetcher/daily-papers.ts';
import { FeedError } from '../../src/fetcher/errors.ts';

const fixture = readFileSync(new URL('../fixtures/written/hf-daily-papers-2026-04-28.json', import.meta.url), 'utf8');

describe('parseDailyPapers', () => {
  it('reads the arXiv id and the counts of each entry, naming those left out', () => {
    expect(parseDailyPapers(fixture, 'hf')).toEqual({
      papers: [
        {
          paperId: '2604.11852',
          title: 'A stored paper everyone upvoted',
          upvotes: 120,
          comments: 7,
          githubRepo: 'https://github.com/example/stored',
          githubStars: 340,
        },
        { paperId: '2604.99999', title: 'A vision paper outside our categories', upvotes: 300, comments: 2 },
      ],
      skipped: ['entry 2: "not-an-arxiv-id" is not an arXiv id'],
    });
  });

  it.each([
    ['HTML', '<html><body>Rate limited</body></html>', 'not JSON'],
    ['an object', '{"error": "Invalid date"}', 'expected a JSON array'],
  ])('refuses %s', (_what, body, reason) => {
    expect(() => parseDailyPapers(body, 'https://hf.example/api/daily_papers?date=2026-04-28')).toThrow(FeedError);
    expect(() => parseDailyPapers(body, 'https://hf.example/api/daily_papers?date=2026-04-28')).toThrow(reason);
  });
});
