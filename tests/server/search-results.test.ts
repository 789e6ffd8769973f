// What /search shows: where each hit matched, marked and escaped; all the
// authors, the day, the categories, the stars; pages; relevance or date; filters; bookmarkable
// URLs; and one clear line for a parameter that cannot be used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texToPlain } from '../../src/text/tex.ts';
import { createSearchWorld, HARD_CASES, type SearchWorld } from './search-world.ts';

let search: SearchWorld;
beforeAll(() => {
  search = createSearchWorld();
});
afterAll(() => search.world.close());

/** The result items of a page, as HTML. */
const itemsOf = (html: string) => html.split('<li>').slice(1);
const daysOf = (html: string) => itemsOf(html).map((item) => /\/digest\/(\d{4}-\d\d-\d\d)/.exec(item)?.[1] ?? '');

describe('each hit', () => {
  it('marks the matched words in title and abstract, and escapes everything else', async () => {
    const { html } = await search.get('/search?q=hostile+inputs');
    const [item] = itemsOf(html);
    expect(item).toContain(
      '<a href=https://arxiv.org/abs/2611.90010>Plain &lt;script&gt;alert(1)&lt;/script&gt; &amp; fake marks</a>',
    );
    expect(item).toContain(
      'An abstract with &lt;mark&gt;markup&lt;/mark&gt; &amp; entities about <mark>hostile</mark> <mark>inputs</mark>.',
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/[\uE000-\uF8FF]/u);
  });

  it('marks every form of the word that matched', async () => {
    const { html } = await search.get('/search?q=transformer');
    expect(html).toContain(
      '<a href=https://arxiv.org/abs/2611.90001><mark>Transformers</mark> Learn In-Context by Gradient Descent</a>',
    );
  });

  it('cuts a long abstract around its matches', async () => {
    const late = (p: { abstract: string }) =>
      p.abstract
        .slice(-300)
        .match(/\b[a-z]{9,}\b/g)
        ?.find((word) => !p.abstract.slice(0, 600).toLowerCase().includes(word.slice(0, 6)));
    const paper = search.realistic.find((p) => p.abstract.length > 1000 && !p.title.includes('$') && late(p))!;
    const title = paper.title.split(' ').slice(0, 4).join(' ');
    const { html } = await search.get(`/search?q=${encodeURIComponent(`title:"${title}" ${late(paper)!}`)}`);
    const item = itemsOf(html).find((text) => text.startsWith(`<a href=https://arxiv.org/abs/${paper.id}>`))!;
    const snippet = item.slice(item.indexOf('</div>') + 6).split('\n')[0]!;
    expect(snippet).toMatch(new RegExp(`^…[^<]*<mark>${late(paper)!}</mark>`));
    expect(snippet.replace(/<\/?mark>/g, '').length).toBeLessThan(320);
  });

  it('lists all the authors, names decoded, the matched one marked', async () => {
    const long = search.realistic.find((p) => p.authors.length === search.facts.maxAuthors)!;
    const { html } = await search.get(
      `/search?q=${encodeURIComponent(`title:"${long.title.split(' ').slice(0, 4).join(' ')}"`)}`,
    );
    const item = itemsOf(html).find((text) => text.startsWith(`<a href=https://arxiv.org/abs/${long.id}>`))!;
    const shown = /<div class=m>(.*?)<br>/.exec(item)![1]!.split(', ');
    expect(shown).toHaveLength(long.authors.length);
    expect(shown[0]).toBe(texToPlain(long.authors[0]!).replaceAll('&', '&amp;').replaceAll("'", '&#39;'));
    const { html: hinton } = await search.get('/search?q=hinton');
    expect(hinton).toContain('Geoffrey E. <mark>Hinton</mark>');
  });

  it('shows the day (linked to its digest), the categories, the version and who is starred', async () => {
    const { html } = await search.get('/search?q=dynamic+routing+capsules');
    const [item] = itemsOf(html);
    expect(item).toContain(
      '<a href=https://arxiv.org/abs/2611.90007><mark>Dynamic</mark> <mark>Routing</mark> Between <mark>Capsules</mark></a> ★',
    );
    expect(item).toContain(
      '<a href="http://127.0.0.1:3000/digest/2026-11-27">2026-11-27</a> · cs.LG · arXiv:2611.90007v1 · ★ Geoffrey Hinton (as &quot;Geoffrey E. Hinton&quot;, likely)',
    );
  });
});

describe('pages and order', () => {
  it('pages through every match, 20 at a time, with links that keep the search', async () => {
    const first = await search.get('/search?q=the&category=cs.LG');
    const total = Number(/([\d,]+) papers match/.exec(first.html)![1]!.replace(',', ''));
    expect(total).toBeGreaterThan(40);
    const pages = Math.ceil(total / 20);
    expect(first.html).toContain(
      `Page 1 of ${pages} · <a href="http://127.0.0.1:3000/search?q=the&amp;category=cs.LG&amp;page=2" rel=next>`,
    );
    const second = await search.get('/search?q=the&category=cs.LG&page=2');
    expect(second.html).toContain('<ol start=21>');
    expect(second.html).toContain(
      '<a href="http://127.0.0.1:3000/search?q=the&amp;category=cs.LG" rel=prev>← Previous</a>',
    );
    const last = await search.get(`/search?q=the&category=cs.LG&page=${pages}`);
    const seen = [first, second, last].flatMap(({ html }) =>
      itemsOf(html).map((item) => /^<a href=https:\/\/arxiv\.org\/abs\/([^>]+)>/.exec(item)![1]),
    );
    expect(new Set(seen).size).toBe(40 + (total - (pages - 1) * 20));
    expect(last.html).not.toContain('rel=next');
  });

  it('sorts by relevance unless asked for the newest first', async () => {
    const relevance = await search.get('/search?q=learning');
    expect(relevance.html).toContain(
      'best first · <a href="http://127.0.0.1:3000/search?q=learning&amp;sort=date">newest first</a>',
    );
    const byDate = await search.get('/search?q=learning&sort=date');
    const days = daysOf(byDate.html);
    expect(days[0]).toBe('2026-11-27');
    expect(days).toEqual([...days].sort().reverse());
    const ids = (html: string) =>
      itemsOf(html).map((item) => /^<a href=https:\/\/arxiv\.org\/abs\/([^>]+)>/.exec(item)![1]);
    expect(ids(relevance.html)).not.toEqual(ids(byDate.html));
  });
});

describe('filters', () => {
  const hard = Object.values(HARD_CASES).map((p) => p.id);

  it('a date range keeps the papers of those days', async () => {
    const late = await search.ids({ q: 'learning', from: '2026-11-27' });
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((id) => hard.includes(id))).toBe(true);
    const early = await search.ids({ q: 'learning', to: '2026-11-26' });
    expect(early.some((id) => hard.includes(id))).toBe(false);
    expect(await search.ids({ q: 'learning', from: '2026-11-28' })).toEqual([]);
  });

  it('starred only keeps the papers of starred authors, with or without words', async () => {
    const starred = search.world.context.db.prepare('SELECT DISTINCT paper_id FROM starred').pluck().all() as string[];
    expect(starred.length).toBeGreaterThan(3);
    expect((await search.ids({ starred: '1' })).sort()).toEqual([...starred].sort());
    const routing = await search.ids({ q: 'routing', starred: '1' });
    expect(routing).toEqual([HARD_CASES.hinton.id]);
  });

  it('the form shows the search it made, as a GET', async () => {
    const { html } = await search.get(
      '/search?q=%3Cb%3Ex&category=cs.LG&from=2026-11-01&to=2026-11-30&starred=1&sort=date',
    );
    expect(html).toContain('<form action="http://127.0.0.1:3000/search" method=get role=search>');
    expect(html).toContain('name=q value="&lt;b&gt;x"');
    expect(html).toContain('name=category value=cs.LG');
    expect(html).toContain('name=from value=2026-11-01');
    expect(html).toContain('name=starred value=1 checked');
    expect(html).toContain('<option value=date selected>');
    expect(html).toContain('<title>&lt;b&gt;x · search · arxiv-curator</title>');
  });

  it('names the search in the <title> with its TeX read as text, as no tab can show MathML', async () => {
    const { html } = await search.get(`/search?q=${encodeURIComponent('$\\ell_1$ {\\em sparse} $\\mathbb{R}^d$')}`);
    expect(html).toContain('<title>ℓ₁ sparse ℝᵈ · search · arxiv-curator</title>');
  });

  it.each([
    ['page=0', 'page: "0" is not a page number from 1 to 250'],
    ['page=x', 'page: "x" is not a page number from 1 to 250'],
    ['sort=best', 'sort: "best" is not relevance or date'],
    ['from=2026-13-01', 'from: "2026-13-01" is not a date in the form YYYY-MM-DD'],
    ['from=2026-11-27&to=2026-11-26', 'from: 2026-11-27 is after to: 2026-11-26'],
    ['category=learning', 'category: "learning" is not an arXiv category such as cs.CV'],
    ['starred=yes', 'starred: "yes" is not 1'],
  ])('%s is a 400 that says what is wrong', async (query, message) => {
    const { status, html } = await search.get(`/search?q=learning&${query}`);
    expect(status).toBe(400);
    expect(html).toContain(`<p class="n warn" role=alert>${message.replaceAll('"', '&quot;')}</p>`);
    expect(html).toContain('name=q value=learning');
  });
});

describe('a saved paper', () => {
  it('is shown as saved in the results and on its own, as soon as it is saved', async () => {
    const item = async () => itemsOf((await search.get('/search?q=capsules')).html)[0]!;
    const found = async () => (await search.get('/search?q=2611.90007')).html;
    expect(await item()).not.toContain('(saved)');
    const post = (path: string) =>
      search.app.request(path, {
        method: 'POST',
        headers: { origin: 'http://127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect((await post('/papers/2611.90007/save')).status).toBeLessThan(400);
    try {
      expect(await item()).toContain('(saved)');
      expect(await found()).toContain('(saved)');
    } finally {
      await post('/papers/2611.90007/unsave');
    }
    expect(await item()).not.toContain('(saved)');
  });
});

describe('the cache', () => {
  it('keeps / cached however many distinct searches come', async () => {
    await search.get('/');
    for (let page = 1; page <= 150; page++) await search.get(`/search?q=the&page=${page}`);
    const { db } = search.world.context;
    const prepare = db.prepare.bind(db);
    const asked: string[] = [];
    db.prepare = (sql: string) => (asked.push(sql), prepare(sql));
    try {
      expect((await search.get('/')).status).toBe(200);
    } finally {
      db.prepare = prepare;
    }
    expect(asked).toEqual([]);
  });
});
