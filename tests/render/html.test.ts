// The digest page as a string, on the realistic full-size day: every paper with its abstract,
// sections and counts that agree, TeX rendered, absolute links and no <base>, escaping of hostile
// text, the forms of its Save and Hide. (The page's weight and load are measured in a browser:
// bench/page.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDigestHtml } from '../../src/render/html.ts';
import { renderPaper } from '../../src/render/html-paper.ts';
import { buildDigestView, toPaperView } from '../../src/views/digest.ts';
import type { DigestPaper } from '../../src/types.ts';
import { decodeTexText, splitTex } from '../../src/text/tex.ts';
import { escapeHtml } from '../../src/render/escape.ts';
import { REALISTIC_DAY_FACTS, buildRealisticDay } from '../support/realistic-day.ts';

const meta = {
  baseUrl: 'http://127.0.0.1:3000',
  archive: ['2026-11-26', '2026-11-25'],
  previous: '2026-11-25',
};

function star(paper: DigestPaper, as: string): DigestPaper {
  return { ...paper, starred: [{ authorId: 'yoshua-bengio', name: 'Yoshua Bengio', as, confidence: 'likely' }] };
}

/** The realistic day as the store gives it, with its 16 starred papers flagged. */
function realisticPapers(): DigestPaper[] {
  const starred = new Set(REALISTIC_DAY_FACTS.starredIds);
  return buildRealisticDay().map((record) => {
    const paper: DigestPaper = { ...record, announceType: record.announceType!, starred: [] };
    return starred.has(paper.id) ? star(paper, paper.authors[0]!) : paper;
  });
}

/** The longest run of plain text in a TeX string, as it reads on the page (escaped). */
function longestText(tex: string): string {
  const runs = splitTex(tex).filter((segment) => !segment.math);
  const longest = runs.map((run) => decodeTexText(run.source)).sort((a, b) => b.length - a.length)[0] ?? '';
  return escapeHtml(longest.trim().slice(0, 60));
}

describe('the page of the realistic day', () => {
  let papers: DigestPaper[];
  let html: string;
  beforeAll(() => {
    papers = realisticPapers();
    html = renderDigestHtml(buildDigestView(REALISTIC_DAY_FACTS.day, papers), meta);
  });

  it('lists all 1,310 papers, each with its abstract in a <details>, starred ones open', () => {
    expect(html.match(/<details class=ab[ >]/g)).toHaveLength(1310);
    expect(html.match(/<details class=ab open>/g)).toHaveLength(REALISTIC_DAY_FACTS.starred);
    for (const paper of papers) {
      expect(html, paper.id).toContain(`<a href=https://arxiv.org/abs/${paper.id}>`);
      expect(html, paper.id).toContain(longestText(paper.abstract));
    }
  });

  it('puts each paper’s Save and Hide in a form of at most a hundred papers, numbered on across them', () => {
    // One form for all of a day's buttons costs Chromium a second of parsing (bench/page.ts measures
    // the load): each form here holds one list of at most 100 papers, whose buttons post without
    // the page's script, and the lists of a section number on from each other.
    const page = renderDigestHtml(buildDigestView(REALISTIC_DAY_FACTS.day, papers), { ...meta, controls: true });
    const main = page.slice(page.indexOf('<main>'), page.indexOf('</main>'));
    const forms = [...main.matchAll(/<form class=pl method=post>(<ol[^>]*>)([\s\S]*?)<\/ol><\/form>/g)];
    const buttons = (text: string) => text.match(/<button formaction="?[^\s">]+\/(?:save|hide)"?[\s>]/g)?.length ?? 0;
    expect(forms.reduce((sum, form) => sum + buttons(form[2]!), 0)).toBe(2 * 1310);
    expect(buttons(main)).toBe(2 * 1310);
    expect(main).not.toContain('form=f formaction=http://127.0.0.1:3000/papers/');
    for (const [, open, items] of forms) {
      const numbers = [...items!.matchAll(/<li [^>]*data-n=(\d+)/g)].map((match) => Number(match[1]));
      expect(numbers.length).toBeGreaterThan(0);
      expect(numbers.length).toBeLessThanOrEqual(100);
      expect(buttons(items!)).toBe(2 * numbers.length);
      // The list starts where its first paper's number says.
      expect(Number(/ start=(\d+)/.exec(open!)?.[1] ?? 1)).toBe(numbers[0]);
      expect(numbers).toEqual(numbers.map((_n, i) => numbers[0]! + i));
    }
    expect(forms.length).toBeGreaterThan(13);
  });

  it('links every paper absolutely, without <base>, and keeps in-page links on the page', () => {
    expect(html).not.toContain('<base');
    const hrefs = [...html.matchAll(/href=("[^"]*"|[^\s>]+)/g)].map((match) => match[1]!.replace(/^"|"$/g, ''));
    for (const href of hrefs) expect(href).toMatch(/^(https:\/\/arxiv\.org\/|http:\/\/127\.0\.0\.1:3000\/|#)/);
    const fragments = hrefs.filter((href) => href.startsWith('#')).map((href) => href.slice(1));
    expect(fragments).toEqual(expect.arrayContaining(['starred', 'new', 'cross', 'replace', 'replace-cross']));
    for (const id of fragments) expect(html, id).toMatch(new RegExp(`id=${id.replace(/\./g, '\\.')}[ >]`));
  });

  it('says the same counts in the contents, the section headings and the lists', () => {
    const view = buildDigestView(REALISTIC_DAY_FACTS.day, papers);
    const total = view.sections.reduce((sum, section) => sum + section.papers.length, 0);
    expect(total).toBe(1310);
    for (const section of view.sections) {
      const count = section.papers.length.toLocaleString('en-US');
      expect(html).toContain(`<li><a href=#${section.id}>${section.heading}</a> ${count}`);
      expect(html).toContain(`<h2>${section.heading} (${count})</h2>`);
      const groups = section.groups.reduce((sum, group) => sum + group.papers.length, 0);
      if (section.id !== 'starred') expect(groups).toBe(section.papers.length);
      for (const group of section.groups) {
        expect(html).toContain(`<a href=#${group.id}>${group.category}</a> ${group.papers.length}`);
        const start = html.indexOf(`<h3 id=${group.id}>${group.category} (${group.papers.length})</h3><ol`);
        expect(start, group.id).toBeGreaterThan(0);
        const list = html.slice(start, html.indexOf('</ol>', start));
        expect(list.match(/<li[ >]/g) ?? [], group.id).toHaveLength(group.papers.length);
      }
    }
    expect(html).toContain('<p>1,310 papers, 16 by starred authors.</p>');
  });

  it('renders TeX titles to MathML or math text, an unparsable formula as its source, accents as Unicode', () => {
    const titled = papers.filter((paper) => paper.title.includes('$'));
    expect(titled).toHaveLength(49);
    for (const paper of titled) {
      const at = html.indexOf(`<a href=https://arxiv.org/abs/${paper.id}>`);
      const title = html.slice(at, html.indexOf('</a>', at));
      if (paper.id === REALISTIC_DAY_FACTS.brokenFormulaId)
        expect(title).toContain('<span class=tex>$\\frac{1}{\\sqrt{n}$</span>');
      else {
        // MathML, or for a linear formula the characters it would draw (math-text.ts): no TeX left.
        expect(title, paper.title).not.toContain('$');
        expect(title, paper.title).not.toMatch(/\\[a-zA-Z]/);
      }
    }
    expect(html).not.toMatch(/\\['"`^~]|\\v\{|\{\\o\}/);
    expect(html).toContain('Schölkopf');
    // No inline style: the CSP would block it (temml's are moved to classes).
    expect(html).not.toContain('style=');
  });

  it('shows only the papers of the chosen categories, with counts of what is shown', () => {
    const view = buildDigestView(REALISTIC_DAY_FACTS.day, papers, { only: ['stat.ML'] });
    const expected = papers.filter((paper) => paper.categories.includes('stat.ML'));
    expect(view.papers.map((paper) => paper.id)).toEqual(expected.map((paper) => paper.id));
    expect(view.sections.flatMap((section) => section.groups.map((group) => group.category))).toEqual(
      view.sections.flatMap((section) => section.groups.map(() => 'stat.ML')),
    );
    const page = renderDigestHtml(view, meta);
    expect(page).toContain(`Showing stat.ML: ${expected.length.toLocaleString('en-US')} of 1,310 papers`);
    expect(page).toContain('<input type=checkbox name=cat value=stat.ML checked>');
    expect(page.match(/<details class=ab[ >]/g)).toHaveLength(expected.length);
  });
});

describe('one paper', () => {
  const paper: DigestPaper = {
    id: '2609.26820',
    version: 2,
    title: 'On $\\mathcal{O}(n)$ nets by Sch\\"olkopf',
    abstract: 'We bound $\\tilde{O}(\\sqrt{T})$ regret.',
    authors: ['A. One', "G\\'abor Melis", 'Y. Bengio'],
    categories: ['cs.LG', 'stat.ML'],
    comment: '9 pages',
    announceType: 'replace',
    starred: [{ authorId: 'yoshua-bengio', name: 'Yoshua Bengio', as: 'Y. Bengio', confidence: 'likely' }],
  };

  it('gives a starred paper its matches, marked authors, categories, comment, abstract and links', () => {
    const html = renderPaper(toPaperView(paper), { level: 3, abstractOpen: true });
    expect(html).toContain('★ Yoshua Bengio (as &quot;Y. Bengio&quot;, likely)');
    expect(html).toContain('A. One, Gábor Melis, <mark>Y. Bengio</mark>');
    expect(html).toMatch(
      /<h3><a href=https:\/\/arxiv\.org\/abs\/2609\.26820>On <math>.*<\/math> nets by Schölkopf<\/a><\/h3>/,
    );
    expect(html).toContain('<details class=ab open><summary>Abstract</summary>We bound <math>');
    // Categories primary first, arXiv's label, the pdf and html links and the comment: one line.
    expect(html).toContain(
      '<div class=m>cs.LG stat.ML · arXiv:2609.26820v2 · <a href=https://arxiv.org/pdf/2609.26820v2>pdf</a> <a href=https://arxiv.org/html/2609.26820v2>html</a> · 9 pages</div>',
    );
  });

  it('folds a long author list after ten names, naming the starred authors it hides', () => {
    const authors = [...Array.from({ length: 40 }, (_, i) => `Author Number${i}`), 'Y. Bengio'];
    const html = renderPaper(toPaperView({ ...paper, authors }), { level: 4, abstractOpen: false });
    expect(html).toContain(
      'Author Number9<details class=more><summary> and 31 more, including <mark>Y. Bengio</mark></summary>, Author Number10,',
    );
    const short = renderPaper(toPaperView({ ...paper, authors: authors.slice(0, 12) }), {
      level: 4,
      abstractOpen: false,
    });
    expect(short).not.toContain('class=more');
  });

  it('escapes hostile titles, authors, comments and abstracts', () => {
    const hostile: DigestPaper = {
      ...paper,
      title: '<script>alert(1)</script> & "quotes" ]]> \u0000',
      abstract: '<img src=x onerror=alert(1)>',
      authors: ['<b>Eve</b>', 'Yoshua Bengio'],
      comment: '<iframe>',
    };
    const html = renderDigestHtml(
      buildDigestView('2026-09-24', [hostile, { ...hostile, id: '2609.00002', starred: [] }]),
      { baseUrl: 'http://127.0.0.1:3000', archive: [] },
    );
    // eslint-disable-next-line no-control-regex -- the NUL must be gone
    expect(html).not.toMatch(/<script>|<img|<iframe|<b>Eve|\u0000/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });
});
