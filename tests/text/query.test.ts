// The one query language of search and watches: what each piece means, and the clear refusal
// of what cannot be run (an open quote, a prefix too short to be cheap, a category that is none).
import { describe, expect, it } from 'vitest';
import { parseQuery, wordsOf } from '../../src/text/query.ts';
import { wordForms } from '../../src/text/word-forms.ts';

const any = (text: string, prefix = false) => ({ field: 'any', text, prefix });

describe('parseQuery', () => {
  it('reads words, phrases, prefixes, names, titles and categories, and what to leave out', () => {
    expect(
      parseQuery(
        'deep "diffusion policy" optim* author:"Geoffrey Hinton" au:lecun ti:capsule cs.CV cat:stat.ML ' +
          '-survey -"large language" -cat:cs.CL -q-bio.NC -author:graves',
      ),
    ).toEqual({
      include: [
        any('deep'),
        any('diffusion policy'),
        any('optim', true),
        { field: 'author', text: 'Geoffrey Hinton', prefix: false },
        { field: 'author', text: 'lecun', prefix: false },
        { field: 'title', text: 'capsule', prefix: false },
      ],
      exclude: [any('survey'), any('large language'), { field: 'author', text: 'graves', prefix: false }],
      categories: ['cs.CV', 'stat.ML'],
      excludedCategories: ['cs.CL', 'q-bio.NC'],
      truncated: false,
    });
  });

  it('decodes TeX, drops what is no word, keeps hyphenated words and prefixed phrases whole', () => {
    expect(parseQuery("Horv\\'ath \u0000 ((( - \uE010x")).toMatchObject({ include: [any('Horváth'), any('x')] });
    expect(parseQuery('e.g. self-supervised "neural net*"').include).toEqual([
      any('e.g.'),
      any('self-supervised'),
      any('neural net', true),
    ]);
  });

  it('refuses what cannot be run, quoting the piece', () => {
    expect(() => parseQuery('"diffusion policy')).toThrow('a quote is not closed: "diffusion policy');
    expect(() => parseQuery('ro*')).toThrow('a prefix needs at least 3 letters before the *: ro*');
    expect(() => parseQuery('"deep le*"')).toThrow('a prefix needs at least 3 letters before the *: "deep le*"');
    expect(() => parseQuery('cat:vision')).toThrow('not an arXiv category such as cs.CV: cat:vision');
  });

  it('reads the first 16 pieces of a longer query and says it was cut', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    const query = parseQuery(words.join(' '));
    expect(query.include.map((term) => term.text)).toEqual(words.slice(0, 16));
    expect(query.truncated).toBe(true);
  });

  it('splits words as the index does: letters and digits, lower case, accents dropped', () => {
    expect(wordsOf('Schölkopf’s k-NN, GPT-4o')).toEqual(['scholkopf', 's', 'k', 'nn', 'gpt', '4o']);
  });
});

describe('the forms of a word', () => {
  it.each([
    ['transformer', ['transformer', 'transformers'], ['transform', 'transformation']],
    ['transformers', ['transformer'], ['transform']],
    ['transform', ['transforms', 'transformed', 'transforming'], ['transformer', 'transformation']],
    ['robot', ['robots', 'robotic', 'robotics'], []],
    ['robotic', ['robot', 'robots', 'robotics'], []],
    ['policy', ['policies'], ['police']],
    ['study', ['studies', 'studied', 'studying'], ['student']],
    ['using', ['use', 'uses', 'used'], ['user']],
    ['modelling', ['model', 'models', 'modeling', 'modelled'], []],
    ['planned', ['plan', 'plans', 'planning'], ['planner']],
    ['graph', ['graphs'], ['graphic', 'graphical']],
    ['top', ['tops'], ['topic']],
    ['new', [], ['news']],
    ['learning', ['learn', 'learned', 'learns'], ['learner']],
  ])('%s is found as %j, never as %j', (word, found, never) => {
    const forms = wordForms(word);
    expect(forms[0]).toBe(word);
    expect(forms).toEqual(expect.arrayContaining(found));
    for (const other of never) expect(forms).not.toContain(other);
  });

  it('leaves short words, numbers and words with other letters as written', () => {
    expect(wordForms('ai')).toEqual(['ai']);
    expect(wordForms('4o')).toEqual(['4o']);
    expect(wordForms('søren')).toEqual(['søren']);
  });
});
