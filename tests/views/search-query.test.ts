// What a search asks, from the URL: ids in every form, words, phrases, names, categories.
import { describe, expect, it } from 'vitest';
import { parseQueryText, parseSearchParams } from '../../src/views/search-query.ts';

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

describe('parseQueryText', () => {
  it('splits words, phrases, names, titles and categories', () => {
    expect(
      parseQueryText('deep "diffusion policy" author:"Geoffrey Hinton" au:lecun ti:capsule cs.CV cat:stat.ML'),
    ).toEqual({
      terms: ['deep', 'diffusion policy'],
      titleTerms: ['capsule'],
      authors: ['Geoffrey Hinton', 'lecun'],
      categories: ['cs.CV', 'stat.ML'],
      truncated: false,
    });
  });

  it('decodes TeX and drops what is no word', () => {
    expect(parseQueryText("Horv\\'ath \u0000 ((( * \uE010x")).toMatchObject({ terms: ['Horváth', 'x'] });
    expect(parseQueryText('e.g. i.e. self-supervised')).toMatchObject({
      terms: ['e.g.', 'i.e.', 'self-supervised'],
      categories: [],
    });
  });

  it('searches the first 16 pieces of a longer query', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    expect(parseQueryText(words.join(' '))).toMatchObject({ terms: words.slice(0, 16), truncated: true });
  });
});
