// One paper as HTML: the full block for a starred paper, one compact line for any other.
import type { DigestPaper, StarredMatch } from '../types.ts';
import { escapeHtml } from './escape.ts';

/** Where a paper's links point: '' under the page's `<base>`, arXiv's full URL in feeds. */
export interface LinkStyle {
  abs: string;
  pdf: string;
  html: string;
}

// Relative to `<base href="https://arxiv.org/abs/">`, `../pdf/` is arXiv's PDF and `../html/` its HTML version.
export const PAGE_LINKS: LinkStyle = { abs: '', pdf: '../pdf/', html: '../html/' };
export const FEED_LINKS: LinkStyle = { abs: 'https://arxiv.org/abs/', pdf: 'https://arxiv.org/pdf/', html: 'https://arxiv.org/html/' };

const PLAIN_ATTR = /^[\w.\/-]+$/;

/** An attribute value; left unquoted (bytes matter at 500 papers) only when that is safe. */
export function attr(value: string): string {
  return PLAIN_ATTR.test(value) ? value : `"${escapeHtml(value)}"`;
}

export function versionedId(paper: { id: string; version: number | null }): string {
  return paper.version === null ? paper.id : `${paper.id}v${paper.version}`;
}

/** "Yoshua Bengio (as "Y. Bengio", likely)". */
export function describeMatch(match: StarredMatch): string {
  const as = match.as === match.name ? '' : `as "${match.as}", `;
  return `${match.name} (${as}${match.confidence})`;
}

export function renderAuthors(authors: readonly string[], starred: readonly StarredMatch[]): string {
  const marked = new Set(starred.map((match) => match.as));
  return authors.map((name) => (marked.has(name) ? `<mark>${escapeHtml(name)}</mark>` : escapeHtml(name))).join(', ');
}

/** The full block: who matched, title, authors, categories, comment, abstract, links. */
export function renderStarredPaper(paper: DigestPaper, links: LinkStyle, extra = ''): string {
  const id = versionedId(paper);
  const who = paper.starred.map((match) => `★ ${escapeHtml(describeMatch(match))}`).join('; ');
  const comment = paper.comment ? `<br>${escapeHtml(paper.comment)}` : '';
  return `<li class=s><div class=who>${who}</div><h3><a href=${attr(links.abs + paper.id)}>${escapeHtml(paper.title)}</a></h3>
${renderAuthors(paper.authors, paper.starred)}<div class=m>${escapeHtml(paper.categories.join(' · '))} · ${escapeHtml(paper.announceType)}${extra}${comment}</div>
<details><summary>Abstract</summary>${escapeHtml(paper.abstract)}</details><div class=m><a href=${attr(links.abs + id)}>abs</a> <a href=${attr(links.pdf + id)}>pdf</a> <a href=${attr(links.html + id)}>html</a> · arXiv:${escapeHtml(id)}</div>`;
}

/** The first author's family name: the shortest form that still identifies a paper. */
export function shortAuthors(authors: readonly string[]): string {
  const first = authors[0] ?? '';
  return first.trim().split(/\s+/).pop() ?? first;
}

/**
 * One compact line; the abstract stays on arXiv. Every byte counts 500 times (60 KB budget):
 * no closing tags HTML allows to omit, no quotes where none are needed.
 */
export function renderCompactPaper(paper: DigestPaper, links: LinkStyle): string {
  return `<li><a href=${attr(links.abs + paper.id)}>${escapeHtml(paper.title)}</a> ${escapeHtml(shortAuthors(paper.authors))}`;
}

/** A replacement: the linked title alone, one per line (CSS makes the links blocks). */
export function renderTitleLink(paper: DigestPaper, links: LinkStyle): string {
  return `<a href=${attr(links.abs + paper.id)}>${escapeHtml(paper.title)}</a>`;
}
