// One paper as HTML: title, authors (a long list folded), categories (primary first), comment,
// links to its abs, PDF and HTML pages, and the abstract one tap away in a <details>. On the day
// page each paper also has its triage controls: plain form POSTs (Save / Hide, and every author
// name a button that stars or unstars that author), which the page's script sends with fetch.
import { texToPlain } from '../text/tex.ts';
import type { PaperView, StarredMatch } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { describeElsewhere, describeMatch } from './format.ts';
import { renderTexHtml } from './tex-html.ts';

// HTML allows an attribute value unquoted unless it holds whitespace, quotes, `=`, `<`, `>` or a
// backtick (HTML Living Standard §13.1.2.3); a few thousand quotes less on a long page.
const PLAIN_ATTR = /^[\w./:#-]+$/;

/** An attribute value; left unquoted only when that is safe. */
export function attr(value: string): string {
  return PLAIN_ATTR.test(value) ? value : `"${escapeHtml(value)}"`;
}

function renderName(name: string, marked: ReadonlySet<string>, button: number | undefined): string {
  const shown = escapeHtml(texToPlain(name));
  const text = marked.has(name) ? `<mark>${shown}</mark>` : shown;
  // The index names the author to the server (the paper's list is stored): shorter than the name.
  return button === undefined ? text : `<button name=a value=${button}>${text}</button>`;
}

/**
 * The author list, starred names marked; past `shown` names the rest fold under "and N more",
 * which names the starred authors among them. With `buttons`, each name is a star toggle.
 */
export function renderAuthors(
  authors: readonly string[],
  starred: readonly StarredMatch[],
  shown = authors.length,
  buttons = false,
): string {
  const marked = new Set(starred.map((match) => match.as));
  const names = (list: readonly string[], from: number, asButtons = buttons) =>
    list.map((name, i) => renderName(name, marked, asButtons ? from + i : undefined)).join(', ');
  if (shown >= authors.length) return names(authors, 0);
  const rest = authors.slice(shown);
  const among = rest.filter((name) => marked.has(name));
  const including = among.length > 0 ? `, including ${names(among, 0, false)}` : '';
  // Open, the summary hides (html-style.ts) and the comma joins the lists; closed, the space does.
  return `${names(authors.slice(0, shown), 0)}<details class=more><summary> and ${rest.length} more${including}</summary>, ${names(rest, shown)}</details>`;
}

/** "★ Yoshua Bengio (as "Y. Bengio", likely)" for each starred author, TeX decoded. */
export function renderWho(starred: readonly StarredMatch[]): string {
  return starred.map((match) => `★ ${escapeHtml(describeMatch(match))}`).join('; ');
}

/** Watches named on a paper at most; a paper that many broad watches match says how many more. */
const NAMED_WATCHES = 3;

/** "watch: a b c and 2 more": the watches a paper matches, as links to their lines of the Watches section. */
export function renderWatchBadges(slugs: readonly string[]): string {
  if (slugs.length === 0) return '';
  const named = slugs
    .slice(0, NAMED_WATCHES)
    .map((slug) => ` <a class=w href=${attr(`#watch-${slug}`)}>${escapeHtml(slug)}</a>`);
  const more = slugs.length > NAMED_WATCHES ? ` and ${slugs.length - NAMED_WATCHES} more` : '';
  return `watch:${named.join('')}${more}`;
}

/** Badges: the second circle and the keyword watches the paper matches. */
function renderBadges(paper: PaperView): string {
  const circle = paper.circle?.length
    ? ` · <span class=c>2nd circle: co-author of ${escapeHtml(paper.circle.join(', '))}</span>`
    : '';
  const watches = renderWatchBadges(paper.watches ?? []);
  return circle + (watches === '' ? '' : ` · ${watches}`);
}

function renderMeta(paper: PaperView): string {
  const [primary = '?', ...others] = paper.categories;
  const categories = [`<b>${escapeHtml(primary)}</b>`, ...others.map(escapeHtml)].join(' ');
  const { links } = paper;
  const comment = paper.comment ? `<br>${escapeHtml(texToPlain(paper.comment))}` : '';
  return `<div class=m>${categories} · <a href=${attr(links.version)}>abs</a> <a href=${attr(links.pdf)}>pdf</a> <a href=${attr(links.html)}>html</a> · ${escapeHtml(paper.label)}${renderBadges(paper)}${comment}</div>`;
}

/** The paper's address under /papers/, where its POST actions and its similar papers are. */
export function paperPath(baseUrl: string, id: string): string {
  return `${baseUrl}/papers/${id}`;
}

/**
 * Save / Hide, each undone by pressing it again (the pressed one says so), and "similar". A hidden
 * paper leaves the page: its Hide button names where the browser lands instead (`then`, the next
 * paper's anchor), so the reader stays at that place of the list.
 */
function renderActions(paper: PaperView, baseUrl: string, then: string | undefined): string {
  const path = paperPath(baseUrl, paper.id);
  const save =
    paper.mark === 'saved'
      ? `<button formaction=${attr(`${path}/unsave`)} aria-pressed=true>Saved</button>`
      : '<button>Save</button>';
  const hide =
    paper.mark === 'hidden'
      ? `<button formaction=${attr(`${path}/unhide`)} aria-pressed=true>Hidden</button>`
      : `<button formaction=${attr(`${path}/hide`)}${then ? ` name=then value=${attr(then)}` : ''}>Hide</button>`;
  return `<form class=act method=post action=${attr(`${path}/save`)}>${save} ${hide} <a href=${attr(`${path}/similar`)}>similar</a></form>`;
}

export interface PaperOptions {
  /** Its title's heading level. */
  level: number;
  /** The abstract shows at once (starred papers). */
  abstractOpen: boolean;
  /** The site's URL: the paper gets its controls (save, hide, star an author). */
  controls?: string;
  /** The paper's anchor (`p-<id>`): on its place in the day's sections, not on its copies. */
  anchor?: boolean;
  /** Show the ranking's one-line why ("For you"). */
  why?: boolean;
  /** The anchor after this paper, where a form that hides it sends the browser back to. */
  then?: string;
}

function renderClasses(paper: PaperView): string {
  const classes = [paper.starred.length > 0 && 's', paper.mark === 'saved' && 'v', paper.mark === 'hidden' && 'h'];
  const list = classes.filter(Boolean).join(' ');
  return list === '' ? '' : ` class=${attr(list)}`;
}

/** One paper as a list item; a starred paper says who matched. */
export function renderPaper(paper: PaperView, options: PaperOptions): string {
  const starred = paper.starred.length > 0;
  const elsewhere = paper.elsewhere === undefined ? '' : ` · ${escapeHtml(describeElsewhere(paper.elsewhere))}`;
  const who = starred ? `<div class=who>${renderWho(paper.starred)}${elsewhere}</div>` : '';
  const why = options.why && paper.why ? `<div class=why>${escapeHtml(paper.why)}</div>` : '';
  const h = `h${options.level}`;
  const open = options.abstractOpen ? ' open' : '';
  const id = options.anchor ? ` id=${attr(`p-${paper.id}`)}` : '';
  const base = options.controls;
  const authors = renderAuthors(paper.authors, paper.starred, paper.shownAuthors, base !== undefined);
  const authorList =
    base === undefined
      ? `<div class=au>${authors}</div>`
      : `<form class=au method=post action=${attr(`${paperPath(base, paper.id)}/star`)}>${authors}</form>`;
  return `<li${id}${renderClasses(paper)}>${why}${who}<${h}><a href=${attr(paper.links.abs)}>${renderTexHtml(paper.title)}</a></${h}>
${authorList}${renderMeta(paper)}
<details class=ab${open}><summary>Abstract</summary><p>${renderTexHtml(paper.abstract)}</p></details>${base === undefined ? '' : renderActions(paper, base, options.then)}`;
}
