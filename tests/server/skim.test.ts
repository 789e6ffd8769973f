// What the routes add for skimming: the category filter (`cat`), the strict CSP without a
// <base>, robots.txt and the icon, and TeX shown as people read it on every HTML page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
  world.ingestDay('2026-09-24', [
    makePaper({ id: '2609.00001', title: 'Only learning', categories: ['cs.LG'] }),
    makePaper({ id: '2609.00002', title: 'Learning and statistics', categories: ['cs.LG', 'stat.ML'] }),
    makePaper({ id: '2609.00003', title: 'Only statistics', categories: ['stat.ML'] }),
    makePaper({ id: '2609.00004', title: 'Neural evolution', categories: ['cs.NE'] }),
    makePaper({
      id: '2609.00005',
      title: 'Kernels in $\\mathbb{R}^d$ by Sch\\"olkopf',
      categories: ['cs.CV', 'cs.LG'],
      announceType: 'cross',
      authors: ["G\\'abor Melis", 'Y. Bengio'],
    }),
  ]);
});
afterEach(() => world.close());

const app = () => createApp({ context: world.context, holidays: new Set() });
const titles = (html: string) => [...html.matchAll(/<h4><a href=[^>]+>([^<]+)/g)].map((match) => match[1]);

describe('the category filter', () => {
  it('shows only the papers listed in the chosen categories, server-rendered, on / and /digest/D', async () => {
    for (const path of ['/digest/2026-09-24?cat=stat.ML', '/?cat=stat.ML']) {
      const html = await (await app().request(path)).text();
      // arXiv's order: by id, newest first.
      expect(titles(html)).toEqual(['Only statistics', 'Learning and statistics']);
      expect(html).toContain('Showing stat.ML: 2 of 5 papers');
      expect(html).toContain('<input type=checkbox name=cat value=stat.ML checked>');
    }
  });

  it('takes repeated and comma-separated categories alike', async () => {
    const repeated = await (await app().request('/digest/2026-09-24?cat=cs.NE&cat=stat.ML')).text();
    const commas = await (await app().request('/digest/2026-09-24?cat=cs.NE,stat.ML')).text();
    // Grouped by category, the larger group first.
    expect(titles(repeated)).toEqual(['Only statistics', 'Learning and statistics', 'Neural evolution']);
    expect(titles(commas)).toEqual(titles(repeated));
  });

  it('shows every paper without it, and refuses what is not a category', async () => {
    expect(titles(await (await app().request('/digest/2026-09-24')).text())).toHaveLength(4);
    const bad = await app().request('/digest/2026-09-24?cat=%3Cscript%3E');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('cat takes arXiv categories such as stat.ML');
  });
});

describe('links, policy and small files', () => {
  it('has no <base>, a CSP with base-uri none, and absolute links to arXiv', async () => {
    const response = await app().request('/digest/2026-09-24');
    const html = await response.text();
    expect(html).not.toContain('<base');
    expect(response.headers.get('content-security-policy')).toContain("base-uri 'none'");
    expect(html).toContain('<a href=https://arxiv.org/abs/2609.00001>Only learning</a>');
    expect(html).toContain('<a href=#new>New submissions</a>');
  });

  it('serves robots.txt disallowing everything, and an icon the page links to', async () => {
    const robots = await app().request('/robots.txt');
    expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n');
    const html = await (await app().request('/')).text();
    const icon = /<link rel=icon href="http:\/\/127\.0\.0\.1:3000(\/favicon\.[0-9a-f]+\.svg)"/.exec(html)![1]!;
    for (const path of [icon, '/favicon.ico']) {
      const response = await app().request(path);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(await response.text()).toMatch(/^<svg /);
    }
  });
});

describe('TeX on every page', () => {
  it('renders math and decodes accents on the digest, author and search pages', async () => {
    for (const path of ['/digest/2026-09-24', '/authors/yoshua-bengio', '/search?q=kernels']) {
      const html = await (await app().request(path)).text();
      // Search marks the word it matched.
      expect(html, path).toMatch(/Kernels(?:<\/mark>)? in ℝ<sup>𝑑<\/sup> by Schölkopf/);
      expect(html, path).not.toMatch(/\\['"]/);
    }
    expect(await (await app().request('/authors/yoshua-bengio')).text()).toContain('Gábor Melis');
  });

  it('folds a long author list on an author page too, naming the starred author it hides', async () => {
    const authors = [...Array.from({ length: 29 }, (_, i) => `Author Number${i}`), 'Yoshua Bengio'];
    world.ingestDay('2026-09-25', [makePaper({ id: '2609.00009', title: 'A big collaboration', authors })]);
    const html = await (await app().request('/authors/yoshua-bengio')).text();
    expect(html).toContain(
      'Author Number9<details class=more><summary> and 20 more, including <mark>Yoshua Bengio</mark></summary>',
    );
  });

  it('keeps the stored TeX as written in the JSON digest, which is for programs', async () => {
    const json = (await (await app().request('/digest/2026-09-24.json')).json()) as {
      papers: { title: string; authors: string[] }[];
    };
    const paper = json.papers.find((candidate) => candidate.title.startsWith('Kernels'))!;
    expect(paper.title).toBe('Kernels in $\\mathbb{R}^d$ by Sch\\"olkopf');
    expect(paper.authors[0]).toBe("G\\'abor Melis");
  });
});
