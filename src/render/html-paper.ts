// One paper as HTML: the full block for a starred paper, one compact line for any other.
import type { PaperView, StarredMatch } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { describeMatch } from './format.ts';

const PLAIN_ATTR = /^[\w./-]+$/;

/** An attribute value; left unquoted (bytes matter on a long page) only when that is safe. */
export function attr(value: string): string {
  return PLAIN_ATTR.test(value) ? value : `"${escapeHtml(value)}"`;
}

/**
 * A link as written under a page whose `<base>` is `base`: the part after it, `../` paths on the
 * same site, the URL itself elsewhere or when `base` is '' (feeds, which have no base).
 */
export function linkFrom(base: string, url: string): string {
  if (base === '') return url;
  if (url.startsWith(base)) return url.slice(base.length);
  const from = new URL(base);
  const to = new URL(url);
  if (from.origin !== to.origin) return url;
  const depth = from.pathname.split('/').length - 2;
  return `${'../'.repeat(depth)}${to.pathname.slice(1)}${to.search}${to.hash}`;
}

export function renderAuthors(authors: readonly string[], starred: readonly StarredMatch[]): string {
  const marked = new Set(starred.map((match) => match.as));
  return authors.map((name) => (marked.has(name) ? `<mark>${escapeHtml(name)}</mark>` : escapeHtml(name))).join(', ');
}

/** The full block: who matched, title, authors, categories, comment, abstract, links. */
export function renderStarredPaper(paper: PaperView, base: string): string {
  const who = paper.starred.map((match) => `★ ${escapeHtml(describeMatch(match))}`).join('; ');
  const comment = paper.comment ? `<br>${escapeHtml(paper.comment)}` : '';
  const link = (url: string) => attr(linkFrom(base, url));
  return `<li class=s><div class=who>${who}</div><h3><a href=${link(paper.links.abs)}>${escapeHtml(paper.title)}</a></h3>
${renderAuthors(paper.authors, paper.starred)}<div class=m>${escapeHtml(paper.categories.join(' · '))} · ${escapeHtml(paper.announceType)}${comment}</div>
<details><summary>Abstract</summary>${escapeHtml(paper.abstract)}</details><div class=m><a href=${link(paper.links.version)}>abs</a> <a href=${link(paper.links.pdf)}>pdf</a> <a href=${link(paper.links.html)}>html</a> · ${escapeHtml(paper.label)}</div>`;
}

/** The first author's family name: the shortest form that still identifies a paper. */
export function shortAuthors(authors: readonly string[]): string {
  const first = authors[0] ?? '';
  return first.trim().split(/\s+/).pop() ?? first;
}

/**
 * One compact line; the abstract stays on the source's page. Every byte counts on a long day:
 * no closing tags HTML allows to omit, no quotes where none are needed.
 */
export function renderCompactPaper(paper: PaperView, base: string): string {
  return `<li><a href=${attr(linkFrom(base, paper.links.abs))}>${escapeHtml(paper.title)}</a> ${escapeHtml(shortAuthors(paper.authors))}`;
}

/** A linked title alone, one per line (CSS makes the links blocks). */
export function renderTitleLink(paper: PaperView, base: string): string {
  return `<a href=${attr(linkFrom(base, paper.links.abs))}>${escapeHtml(paper.title)}</a>`;
}
