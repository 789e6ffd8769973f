import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAuthorsConfig } from '../../src/curate/authors-config.ts';
import { compareGiven, createMatcher, matchAuthors } from '../../src/curate/authors.ts';
import type { StarredAuthor } from '../../src/types.ts';
import { AUTHOR_EVAL } from '../fixtures/author-eval.ts';

// The shipped config, so the table also guards config/authors.json.
const { authors } = loadAuthorsConfig(fileURLToPath(new URL('../../config/authors.json', import.meta.url)));
const matcher = createMatcher(authors);

describe('evaluation table', () => {
  const rows = AUTHOR_EVAL.map((c) => ({ ...c, got: matcher.match(c.name) }));
  const positives = rows.filter((r) => r.expect !== null);
  const negatives = rows.filter((r) => r.expect === null);
  const correct = positives.filter((r) => r.got?.authorId === r.expect);

  it('has a real table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(AUTHOR_EVAL.map((c) => c.name)).size).toBe(AUTHOR_EVAL.length);
    // Every starred author is exercised, and every id in the table is configured.
    expect(new Set(positives.map((r) => r.expect))).toEqual(new Set(authors.map((a) => a.id)));
  });

  it('prints the confusion counts', () => {
    const counts = { exact: { tp: 0, fp: 0 }, likely: { tp: 0, fp: 0 } };
    for (const r of rows) if (r.got) counts[r.got.confidence][r.got.authorId === r.expect ? 'tp' : 'fp']++;
    const fn = positives.filter((r) => r.got?.authorId !== r.expect).length;
    const tn = negatives.filter((r) => !r.got).length;
    console.log(
      `author matching on ${rows.length} names: TP ${correct.length} (exact ${counts.exact.tp}, likely ${counts.likely.tp}), ` +
        `FP ${counts.exact.fp + counts.likely.fp} (exact ${counts.exact.fp}, likely ${counts.likely.fp}), FN ${fn}, TN ${tn}`,
    );
    expect(counts.exact.fp).toBe(0);
  });

  it('never flags a negative, at any confidence', () => {
    expect(negatives.filter((r) => r.got).map((r) => `${r.name} -> ${r.got!.authorId}`)).toEqual([]);
  });

  it('finds at least 98% of the starred names', () => {
    const missed = positives.filter((r) => r.got?.authorId !== r.expect).map((r) => r.name);
    expect(correct.length / positives.length, `missed: ${missed.join('; ')}`).toBeGreaterThanOrEqual(0.98);
  });

  it('takes the fast path only where the full path agrees', () => {
    const shapes = (name: string): string[] => [
      name,
      name.toUpperCase(),
      ` ${name} `,
      `${name} Jr.`,
      `${name} III`,
      `${name} (X, Y)`,
    ];
    for (const c of AUTHOR_EVAL)
      for (const name of shapes(c.name)) expect(matcher.match(name), name).toEqual(matcher.explain(name).match);
  });
});

describe('confidence and the common-surname rule', () => {
  const confidence = (name: string) => matcher.match(name)?.confidence;

  it('is exact for a full given name or a listed variant, likely for initials', () => {
    expect(confidence('Yoshua Bengio')).toBe('exact');
    expect(confidence('Ian J. Goodfellow')).toBe('exact');
    expect(confidence('Geoffrey Hinton')).toBe('exact');
    expect(confidence('Y. LeCun')).toBe('likely');
    expect(confidence('G. Hinton')).toBe('likely');
    expect(confidence('Q. V. Le')).toBe('likely');
  });

  it('counts an established short form of the given name as likely, never exact, and only one way', () => {
    expect(matcher.match('Geoff Hinton')).toEqual({
      authorId: 'geoffrey-hinton',
      name: 'Geoffrey Hinton',
      as: 'Geoff Hinton',
      confidence: 'likely',
    });
    expect(confidence('Dave Duvenaud')).toBe('likely');
    // Alex Graves is configured as Alex: the table never turns a written full name into a short one.
    expect(confidence('Alex Graves')).toBe('exact');
    expect(matcher.match('Alexander Graves')).toBeUndefined();
    // A short form on a common surname is no more than initials there.
    const li: StarredAuthor = { id: 'david-li', name: 'David Li', variants: [], not: [] };
    expect(createMatcher([li]).match('Dave Li')).toBeUndefined();
    expect(createMatcher([li]).match('David Li')?.confidence).toBe('exact');
  });

  it('reads the short-form table safely for any given name', () => {
    const odd: StarredAuthor = { id: 'constructor-smithers', name: 'Constructor Smithers', variants: [], not: [] };
    expect(createMatcher([odd]).match('Proto Smithers')).toBeUndefined();
  });

  it('keeps the name as written, trimmed', () => {
    expect(matcher.match('  Yoshua Bengio (Mila)\n')).toEqual({
      authorId: 'yoshua-bengio',
      name: 'Yoshua Bengio',
      as: 'Yoshua Bengio (Mila)',
      confidence: 'exact',
    });
  });

  it('asks more of short or configured common surnames', () => {
    const li: StarredAuthor = { id: 'fei-fei-li', name: 'Fei-Fei Li', variants: [], not: [] };
    const wang: StarredAuthor = { id: 'wei-wang', name: 'Wei Wang', variants: [], not: [] };
    expect(createMatcher([li]).match('F. Li')).toBeUndefined();
    expect(createMatcher([li]).match('Fei-Fei Li')?.confidence).toBe('exact');
    expect(createMatcher([wang]).match('W. Wang')).toBeUndefined();
    expect(createMatcher([wang], { commonSurnames: [] }).match('W. Wang')?.confidence).toBe('likely');
  });

  it('refuses a name two starred authors fit equally well', () => {
    const both = createMatcher([
      { id: 'yoshua-bengio', name: 'Yoshua Bengio', variants: [], not: [] },
      { id: 'yann-bengio', name: 'Yann Bengio', variants: [], not: [] },
    ]);
    expect(both.match('Y. Bengio')).toBeUndefined();
    expect(both.explain('Y. Bengio').rule).toBe('no match: fits both Yoshua Bengio and Yann Bengio');
    expect(both.match('Yann Bengio')?.authorId).toBe('yann-bengio');
  });

  it('aligns given names in order, allowing missing but not extra ones', () => {
    expect(compareGiven(['geoffrey'], ['geoffrey', 'e'])).toBe('exact');
    expect(compareGiven(['g', 'e'], ['geoffrey', 'e'])).toBe('likely');
    expect(compareGiven(['geoffrey', 'everest'], ['geoffrey', 'e'])).toBe('exact');
    expect(compareGiven(['e'], ['geoffrey', 'e'])).toBeUndefined();
    expect(compareGiven(['ian', 'j'], ['ian'])).toBeUndefined();
    expect(compareGiven(['samy'], ['yoshua'])).toBeUndefined();
    expect(compareGiven(['yoshua'], ['y'])).toBeUndefined();
  });
});

describe('explain', () => {
  it.each([
    ['Yoshua Bengio', 'exact: given name "yoshua" and surname "bengio" equal Yoshua Bengio'],
    ['Y. Bengio', 'likely: initials "y" agree with Yoshua Bengio'],
    ['Yann Le Cun', 'exact: given name "yann" and surname "lecun" equal Yann LeCun'],
    [
      'Ian J. Goodfellow',
      'exact: given name "ian j" and surname "goodfellow" equal Ian Goodfellow (variant "Ian J. Goodfellow")',
    ],
    ['I. J. Goodfellow', 'likely: initials "i j" agree with Ian Goodfellow (variant "Ian J. Goodfellow")'],
    [
      'Geoff Hinton',
      'likely: "geoff" is a short form of "geoffrey" (a table of established short forms), so "geoff" may be Geoffrey Hinton',
    ],
    ['Samy Bengio', 'no match: listed under not for Yoshua Bengio'],
    ['Hoang M. Le', 'no match: surname "le" is starred (Quoc V. Le) but given name "hoang m" differs'],
    ['Le Song', 'no match: no starred author has surname "song"'],
    ['Q. Le', 'no match: surname "le" is common; initials "q" are not enough for Quoc V. Le'],
    ['Bengio', 'no match: no given name and surname found'],
  ])('%s', (name, rule) => {
    const explained = matcher.explain(name);
    expect(explained.rule).toBe(rule);
    expect(explained.match).toEqual(matcher.match(name));
  });
});

describe('matchAuthors', () => {
  it('gives one match per starred author, preferring the exact spelling', () => {
    const found = matchAuthors(matcher, ['Y. Bengio', 'Aaron Courville', 'Yoshua Bengio', 'Samy Bengio', 'Y. LeCun']);
    expect(found).toEqual([
      { authorId: 'yoshua-bengio', name: 'Yoshua Bengio', as: 'Yoshua Bengio', confidence: 'exact' },
      { authorId: 'yann-lecun', name: 'Yann LeCun', as: 'Y. LeCun', confidence: 'likely' },
    ]);
  });

  it('gives nothing for a paper without starred authors', () => {
    expect(matchAuthors(matcher, ['Le Song', 'Hoang M. Le', 'Ian Osband'])).toEqual([]);
  });
});
