// The digest page as a string: size budget, order, escaping of hostile text, links.
import { describe, expect, it } from 'vitest';
import { renderDigestHtml } from '../../src/render/html.ts';
import { renderStarredPaper } from '../../src/render/html-paper.ts';
import { ARXIV_ABS_BASE } from '../../src/fetcher/arxiv-links.ts';
import { buildDigestView, withSourceRef } from '../../src/views/digest.ts';
import type { DigestPaper } from '../../src/types.ts';
import { makeRealisticDay } from '../support/build-db.ts';

function toDigestPaper(record: ReturnType<typeof makeRealisticDay>[number]): DigestPaper {
  const starred = record.authors.includes('Yoshua Bengio')
    ? [{ authorId: 'yoshua-bengio', name: 'Yoshua Bengio', as: 'Yoshua Bengio', confidence: 'exact' as const }]
    : [];
  return { ...record, announceType: record.announceType!, starred };
}

const meta = {
  baseUrl: 'http://127.0.0.1:3000',
  archive: ['2026-09-24', '2026-09-23', '2026-09-22'],
  previous: '2026-09-23',
};

describe('renderDigestHtml', () => {
  it('keeps a realistic 500-paper day under 60 KB, every paper listed', () => {
    const papers = makeRealisticDay(500, 5).map(toDigestPaper);
    const html = renderDigestHtml(buildDigestView('2026-09-24', papers), meta);
    const size = Buffer.byteLength(html);
    console.log(`500-paper day: ${size} bytes of HTML`);
    // 60 KB read as 60 KiB; the figure is reported in the bench notes.
    expect(size).toBeLessThan(60 * 1024);
    for (const paper of papers) expect(html).toContain(`href=${paper.id}>`);
  });

  it('escapes hostile titles, authors, comments and abstracts', () => {
    const paper: DigestPaper = {
      id: '2609.00001',
      version: 1,
      title: '<script>alert(1)</script> & "quotes" ]]> \u0000',
      abstract: '<img src=x onerror=alert(1)>',
      authors: ['<b>Eve</b>', 'Yoshua Bengio'],
      categories: ['cs.LG'],
      comment: '<iframe>',
      announceType: 'new',
      starred: [{ authorId: 'yoshua-bengio', name: 'Yoshua Bengio', as: 'Yoshua Bengio', confidence: 'exact' }],
    };
    const html = renderDigestHtml(
      buildDigestView('2026-09-24', [paper, { ...paper, id: '2609.00002', starred: [] }]),
      meta,
    );
    // eslint-disable-next-line no-control-regex -- the NUL must be gone
    expect(html).not.toMatch(/<script>|<img|<iframe|<b>Eve|\u0000/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('gives a starred paper its matches, marked authors, abstract and three links', () => {
    const paper: DigestPaper = {
      id: '2609.26820',
      version: 2,
      title: 'On $\\mathcal{O}(n)$ nets',
      abstract: 'Abstract text.',
      authors: ['A. One', 'Y. Bengio'],
      categories: ['cs.LG', 'stat.ML'],
      comment: '9 pages',
      announceType: 'replace',
      starred: [{ authorId: 'yoshua-bengio', name: 'Yoshua Bengio', as: 'Y. Bengio', confidence: 'likely' }],
    };
    const html = renderStarredPaper(withSourceRef(paper), ARXIV_ABS_BASE);
    expect(html).toContain('★ Yoshua Bengio (as &quot;Y. Bengio&quot;, likely)');
    expect(html).toContain('<mark>Y. Bengio</mark>');
    expect(html).toContain('On $\\mathcal{O}(n)$ nets');
    expect(html).toContain('<details><summary>Abstract</summary>Abstract text.</details>');
    expect(html).toContain('href=../pdf/2609.26820v2>pdf');
    expect(html).toContain('href=../html/2609.26820v2>html');
    expect(html).toContain('cs.LG · stat.ML');
  });

  it('orders starred, new, cross, then collapsed replacements, with counts', () => {
    const papers = makeRealisticDay(40, 2).map(toDigestPaper);
    const html = renderDigestHtml(buildDigestView('2026-09-24', papers), meta);
    const order = ['id=starred', 'id=new', 'id=cross', '<details id=replace>', '<details id=replace-cross>'].map(
      (mark) => html.indexOf(mark),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('40 papers: new 18 · cross 6 · replace 12 · replace-cross 4');
    expect(html).toMatch(/By primary category: cs\.LG 30 · /);
  });
});
