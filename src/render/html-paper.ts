// One paper as HTML: title, authors (a long list folded), categories (primary first), comment,
// links to its abs, PDF and HTML pages, and the abstract one tap away in a <details>.
import { texToPlain } from '../text/tex.ts';
import type { PaperView, StarredMatch } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { describeElsewhere, describeMatch } from './format.ts';
import { renderTexHtml, type MathCache } from './tex-html.ts';

// HTML allows an attribute value unquoted unless it holds whitespace, quotes, `=`, `<`, `>` or a
// backtick (HTML Living Standard §13.1.2.3); a few thousand quotes less on a long page.
const PLAIN_ATTR = /^[\w./:#-]+$/;

/** An attribute value; left unquoted only when that is safe. */
export function attr(value: string): string {
  return PLAIN_ATTR.test(value) ? value : `"${escapeHtml(value)}"`;
}

function renderName(name: string, marked: ReadonlySet<string>): string {
  const shown = escapeHtml(texToPlain(name));
  return marked.has(name) ? `<mark>${shown}</mark>` : shown;
}

/**
 * The author list, starred names marked; past `shown` names the rest fold under "and N more",
 * which names the starred authors among them.
 */
export function renderAuthors(
  authors: readonly string[],
  starred: readonly StarredMatch[],
  shown = authors.length,
): string {
  const marked = new Set(starred.map((match) => match.as));
  const names = (list: readonly string[]) => list.map((name) => renderName(name, marked)).join(', ');
  if (shown >= authors.length) return names(authors);
  const rest = authors.slice(shown);
  const among = rest.filter((name) => marked.has(name));
  const including = among.length > 0 ? `, including ${names(among)}` : '';
  // Open, the summary hides (html-style.ts) and the comma joins the lists; closed, the space does.
  return `${names(authors.slice(0, shown))}<details class=more><summary> and ${rest.length} more${including}</summary>, ${names(rest)}</details>`;
}

/** "★ Yoshua Bengio (as "Y. Bengio", likely)" for each starred author, TeX decoded. */
export function renderWho(starred: readonly StarredMatch[]): string {
  return starred.map((match) => `★ ${escapeHtml(describeMatch(match))}`).join('; ');
}

function renderMeta(paper: PaperView): string {
  const [primary = '?', ...others] = paper.categories;
  const categories = [`<b>${escapeHtml(primary)}</b>`, ...others.map(escapeHtml)].join(' ');
  const { links } = paper;
  const comment = paper.comment ? `<br>${escapeHtml(texToPlain(paper.comment))}` : '';
  return `<div class=m>${categories} · <a href=${attr(links.version)}>abs</a> <a href=${attr(links.pdf)}>pdf</a> <a href=${attr(links.html)}>html</a> · ${escapeHtml(paper.label)}${comment}</div>`;
}

export interface PaperOptions {
  /** Its title's heading level. */
  level: number;
  /** The abstract shows at once (starred papers). */
  abstractOpen: boolean;
  /** Formulas the page rendered already. */
  math?: MathCache;
}

/** One paper as a list item; a starred paper says who matched. */
export function renderPaper(paper: PaperView, options: PaperOptions): string {
  const starred = paper.starred.length > 0;
  const elsewhere = paper.elsewhere === undefined ? '' : ` · ${escapeHtml(describeElsewhere(paper.elsewhere))}`;
  const who = starred ? `<div class=who>${renderWho(paper.starred)}${elsewhere}</div>` : '';
  const h = `h${options.level}`;
  const open = options.abstractOpen ? ' open' : '';
  return `<li${starred ? ' class=s' : ''}>${who}<${h}><a href=${attr(paper.links.abs)}>${renderTexHtml(paper.title, options.math)}</a></${h}>
<div class=au>${renderAuthors(paper.authors, paper.starred, paper.shownAuthors)}</div>${renderMeta(paper)}
<details class=ab${open}><summary>Abstract</summary><p>${renderTexHtml(paper.abstract, options.math)}</p></details>`;
}
