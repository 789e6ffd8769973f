// What a search asks, from the URL: ids in every form, words, phrases, names, categories.
import { describe, expect, it } from 'vitest';
import { parseSearchParams } from '../../src/views/search-query.ts';

describe('parseSearchParams', () => {
  it.each([
    ['2611.10004', '2611.10004', null],
    ['2611.10004v2', '2611.10004', 2],
    ['arXiv:2611.10004', '2611.10004', null],
    ['https://arxiv.org/abs/2611.10004v3', '2611.10004', 3],
    ['http://arxiv.org/pdf/2611.10004v1.pdf', '2611.10004', 1],
    ['arxiv.org/html/2611.10004v1', '2611.10004', 1],
    ['cs/0112017', 'cs/0112017', null],
    ['math.CA/0611800v2', 'math/0611800', 2],
  ])('%s is the id %s', (q, id, version) => {
    expect(parseSearchParams({ q })).toMatchObject({ kind: 'id', found: { id, version } });
  });

  it('defaults to relevance with words, to the newest first without', () => {
    expect(parseSearchParams({ q: 'deep nets' })).toMatchObject({
      kind: 'query',
      query: { sort: 'relevance' },
      page: 1,
    });
    expect(parseSearchParams({ q: 'cs.CV' })).toMatchObject({ kind: 'query', query: { sort: 'date' } });
    expect(parseSearchParams({ q: '', starred: '1' })).toMatchObject({ kind: 'query', query: { starredOnly: true } });
    expect(parseSearchParams({ q: '  ', from: '2026-11-01' })).toMatchObject({ kind: 'empty' });
  });
});

describe('the query of a search', () => {
  it('is read by the query language, with the category= parameter among its categories', () => {
    expect(parseSearchParams({ q: 'deep -survey cs.CV', category: 'stat.ML' })).toMatchObject({
      kind: 'query',
      query: {
        query: {
          include: [{ field: 'any', text: 'deep', prefix: false }],
          exclude: [{ field: 'any', text: 'survey', prefix: false }],
          categories: ['cs.CV', 'stat.ML'],
        },
      },
      truncated: false,
    });
  });

  it('says what cannot be run, naming the parameter', () => {
    expect(() => parseSearchParams({ q: 'ab*' })).toThrow('q: a prefix needs at least 3 letters before the *: ab*');
    expect(() => parseSearchParams({ q: '"open' })).toThrow('q: a quote is not closed: "open');
    expect(() => parseSearchParams({ q: '-survey' })).toThrow(
      'q: "-survey" leaves papers out but names nothing to look for',
    );
    expect(() => parseSearchParams({ q: 'x', category: 'vision' })).toThrow(
      'category: "vision" is not an arXiv category such as cs.CV',
    );
  });

  it('searches the first 16 pieces of a longer query, and says so', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    const request = parseSearchParams({ q: words.join(' ') });
    expect(request).toMatchObject({ kind: 'query', truncated: true });
    expect(request.kind === 'query' && request.query.query.include.map((term) => term.text)).toEqual(
      words.slice(0, 16),
    );
  });
});
