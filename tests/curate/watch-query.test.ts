// The watch query language on real-looking papers: words and phrases all required, excludes,
// prefixes, categories; TeX accents, case and hyphens folded; bad queries refused with a reason.
import { describe, expect, it } from 'vitest';
import { matchesWatch, parseWatchQuery, slugifyWatch } from '../../src/curate/watch-query.ts';

const paper = (title: string, abstract = '', categories = ['cs.LG'], authors = ['Ada Lovelace']) => ({
  title,
  abstract,
  authors,
  categories,
});
const matches = (query: string, target: ReturnType<typeof paper>) => matchesWatch(parseWatchQuery(query), target);

describe('watch queries', () => {
  const policy = paper('Diffusion Policy: visuomotor policy learning via action diffusion', 'We learn robot skills.');
  const survey = paper('A survey of diffusion policy methods', '');

  it('needs every word and phrase, as whole words, in any case', () => {
    expect(matches('"diffusion policy"', policy)).toBe(true);
    expect(matches('"policy diffusion"', policy)).toBe(false);
    expect(matches('diffusion robot', policy)).toBe(true);
    expect(matches('diffusion robots', policy)).toBe(false);
    expect(matches('robot*', policy)).toBe(true);
    expect(matches('DIFFUSION', policy)).toBe(true);
    expect(matches('lovelace', policy)).toBe(true);
  });

  it('leaves out excluded words, phrases and categories, and narrows to categories', () => {
    expect(matches('"diffusion policy" -survey', policy)).toBe(true);
    expect(matches('"diffusion policy" -survey', survey)).toBe(false);
    expect(matches('diffusion -"action diffusion"', policy)).toBe(false);
    expect(matches('diffusion cat:cs.RO', policy)).toBe(false);
    expect(matches('diffusion cat:cs.RO cat:cs.LG', policy)).toBe(true);
    expect(matches('cat:cs.LG -cat:stat.ML', paper('x', '', ['cs.LG', 'stat.ML']))).toBe(false);
  });

  it('folds TeX accents, accents and hyphens', () => {
    const accented = paper('Learning with Sch\\"olkopf kernels', 'A state-of-the-art method.');
    expect(matches('schölkopf', accented)).toBe(true);
    expect(matches('scholkopf', accented)).toBe(true);
    expect(matches('"state of the art"', accented)).toBe(true);
  });

  it('refuses a query that cannot match anything or is malformed', () => {
    expect(() => parseWatchQuery('-survey')).toThrow('a watch needs a word, a "phrase" or a cat: to look for');
    expect(() => parseWatchQuery('"open')).toThrow('a quote is not closed');
    expect(() => parseWatchQuery('x'.repeat(201))).toThrow('a watch is at most 200 characters');
    expect(() => parseWatchQuery('""')).toThrow('a watch needs');
  });

  it('makes a slug of the words', () => {
    expect(slugifyWatch('"Diffusion Policy" -survey cat:cs.RO')).toBe('diffusion-policy-survey-cs-ro');
    expect(slugifyWatch('<<>>')).toBe('watch');
  });
});
