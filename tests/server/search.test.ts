// /search finds what people type: names however they are written
// (TeX accents, Unicode, plain ASCII), any form of a word, names as names, ids in any form,
// categories. On the realistic day's real records plus the hard cases of search-world.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchWorld, HARD_CASES, type SearchWorld } from './search-world.ts';

let search: SearchWorld;
beforeAll(() => {
  search = createSearchWorld();
});
afterAll(() => search.world.close());

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('names as people type them', () => {
  it.each(['Horváth', 'Horvath', "Horv\\'ath", 'HORVATH', 'author:horvath', 'author:Horváth'])(
    "%s finds the three Horv\\'ath papers and nothing else",
    async (query) => {
      expect(sorted(await search.ids(query))).toEqual(sorted(search.facts.horvathIds));
    },
  );

  it.each(['Gábor Melis', 'Gabor Melis', "G\\'abor Melis", 'author:"gabor melis"', 'melis gábor'])(
    '%s finds his papers in every spelling',
    async (query) => {
      const texMelis = search.realistic.filter((p) => p.authors.includes("G\\'abor Melis")).map((p) => p.id);
      expect(texMelis).toHaveLength(1);
      expect(sorted(await search.ids(query))).toEqual(
        sorted([...texMelis, HARD_CASES.melisUnicode.id, HARD_CASES.melisAscii.id]),
      );
    },
  );

  it.each([
    ['Soren Hauberg', 'S{\\o}ren Hauberg'],
    ['Lukasz Kaiser', '{\\L}ukasz Kaiser'],
    ['Kocisky', "Tom\\'a\\v{s} Ko\\v{c}isk\\'y"],
    ['Schölkopf', 'Bernhard Sch\\"olkopf'],
    ['Francois Fleuret', 'Fran\\c{c}ois Fleuret'],
  ])('%s finds %s', async (query, written) => {
    const found = await search.ids(query);
    const expected = search.realistic.filter((p) => p.authors.includes(written)).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  it('a plain name lists the papers that author signed before those that mention the name', async () => {
    const found = await search.ids('Hinton');
    const signed = search.realistic.filter((p) => p.authors.some((a) => /\bHinton$/.test(a))).map((p) => p.id);
    const first = found.slice(0, signed.length + 1);
    expect(sorted(first)).toEqual(sorted([...signed, HARD_CASES.hinton.id]));
    expect(found.indexOf(HARD_CASES.citesGraves.id)).toBeGreaterThan(signed.length);
  });

  it('author: is the name as written: Graves is not Grave, and a mention is not an author', async () => {
    const graves = search.realistic.filter((p) => p.authors.includes('Alex Graves')).map((p) => p.id);
    expect(sorted(await search.ids('author:graves'))).toEqual(sorted([...graves, HARD_CASES.graves.id]));
    expect(await search.ids('author:grave')).toEqual([HARD_CASES.grave.id]);
    const plain = await search.ids('graves');
    expect(sorted(plain.slice(0, graves.length + 1))).toEqual(sorted([...graves, HARD_CASES.graves.id]));
    expect(plain).toContain(HARD_CASES.citesGraves.id);
  });
});

describe('words in any form', () => {
  it('transformer finds "Transformers Learn In-Context"', async () => {
    expect(await search.ids('transformer')).toContain(HARD_CASES.transformers.id);
    expect(await search.ids('learning transformers gradient')).toContain(HARD_CASES.transformers.id);
  });

  it.each([
    ['transformer', /\btransformers?\b/i],
    ['transform', /\btransform(?:s|ed|ing)?\b/i],
    ['robot', /\brobot(?:s|ic|ics)?\b/i],
    ['policy', /\bpolic(?:y|ies)\b/i],
  ])('%s finds every paper with one of its forms and no other (real records)', async (query, forms) => {
    const all = [...search.realistic, ...Object.values(HARD_CASES)];
    const expected = all.filter((p) => forms.test(`${p.title} ${p.abstract} ${p.authors.join(' ')}`)).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    const { html } = await search.get(`/search?q=${query}&sort=date`);
    const total = Number(/([\d,]+) papers? match/.exec(html)![1]!.replace(',', ''));
    expect(total).toBe(expected.length);
    const shown = await search.ids({ q: query, sort: 'date' });
    expect(shown).toHaveLength(Math.min(20, expected.length));
    expect(expected).toEqual(expect.arrayContaining(shown));
  });

  it('a quoted phrase needs its words together; loose words do not', async () => {
    expect(await search.ids('"diffusion policy"')).toEqual([HARD_CASES.phrase.id]);
    expect(sorted(await search.ids('diffusion policy'))).toEqual(
      expect.arrayContaining([HARD_CASES.phrase.id, HARD_CASES.notPhrase.id]),
    );
  });

  it('title: looks in titles only', async () => {
    expect(await search.ids('title:handwriting')).toEqual([HARD_CASES.citesGraves.id]);
    expect(await search.ids('title:hinton')).toEqual([]);
  });
});

describe('ids open the paper', () => {
  const id = HARD_CASES.transformers.id;
  it.each([id, `${id}v1`, `${id}v2`, `arXiv:${id}`, `https://arxiv.org/abs/${id}`, `arxiv.org/pdf/${id}v1`, ` ${id} `])(
    '%s shows the stored paper with its abstract',
    async (query) => {
      const { status, html } = await search.get(`/search?q=${encodeURIComponent(query)}`);
      expect(status).toBe(200);
      expect(html).toContain(
        '<h3><a href=https://arxiv.org/abs/2611.90001>Transformers Learn In-Context by Gradient Descent</a></h3>',
      );
      expect(html).toContain(HARD_CASES.transformers.abstract);
      expect(html).toContain('<a href="http://127.0.0.1:3000/digest/2026-11-27">2026-11-27</a>');
      expect(html).not.toContain('paper match');
    },
  );

  it('an old-style id opens its paper', async () => {
    const { html } = await search.get('/search?q=cs%2F0112017');
    expect(html).toContain('<a href=https://arxiv.org/abs/cs/0112017>An Old-Style Paper on Learning</a>');
    expect(html).toContain('<a href=https://arxiv.org/abs/cs/0112017v2>abs</a>');
  });

  it.each([
    ['1409.3215', 'arXiv:1409.3215', '1409.3215'],
    ['arXiv:1409.3215v3', 'arXiv:1409.3215v3', '1409.3215v3'],
    ['hep-th/9901001', 'arXiv:hep-th/9901001', 'hep-th/9901001'],
  ])('%s, not stored, says so and links to arXiv', async (query, label, href) => {
    const { status, html } = await search.get(`/search?q=${encodeURIComponent(query)}`);
    expect(status).toBe(200);
    expect(html).toContain(`${label} is not stored here. <a href=https://arxiv.org/abs/${href}>Open it on arXiv</a>.`);
  });
});

describe('categories filter', () => {
  const inCategory = (category: string) =>
    [...search.realistic, ...Object.values(HARD_CASES)].filter((p) => p.categories.includes(category)).map((p) => p.id);

  it.each(['cs.CV', 'stat.ML', 'cat:cs.CV', 'CS.cv'])(
    '%s lists the papers of that category, newest first',
    async (query) => {
      const category = query.replace('cat:', '').toLowerCase() === 'cs.cv' ? 'cs.CV' : 'stat.ML';
      const { html } = await search.get(`/search?q=${encodeURIComponent(query)}`);
      const total = Number(/([\d,]+) papers? match/.exec(html)![1]!.replace(',', ''));
      expect(total).toBe(inCategory(category).length);
      expect(total).toBeGreaterThan(20);
      expect(html).toContain('newest first · <a');
    },
  );

  it('with words, a category narrows them; the category= parameter does the same', async () => {
    const found = await search.ids('policy cs.RO');
    const robotics = new Set(inCategory('cs.RO'));
    expect(found).toContain(HARD_CASES.phrase.id);
    expect(found).not.toContain(HARD_CASES.notPhrase.id);
    expect(found.every((id) => robotics.has(id))).toBe(true);
    expect(await search.ids({ q: 'policy', category: 'cs.RO' })).toEqual(found);
    expect(sorted(await search.ids('policy cs.RO cs.LG'))).toEqual(
      expect.arrayContaining([...found, HARD_CASES.notPhrase.id]),
    );
  });
});
