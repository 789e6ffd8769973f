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

/** The search for one author, `author:"Ada Lovelace"` (quotes in a name would end the phrase). */
export function authorSearchUrl(baseUrl: string, name: string): string {
  return `${baseUrl}/search?q=${encodeURIComponent(`author:"${name.replace(/"/g, '')}"`)}`;
}

function renderName(name: string, marked: ReadonlySet<string>, searchBase: string | undefined): string {
  const plain = texToPlain(name);
  const shown = escapeHtml(plain);
  const text = marked.has(name) ? `<mark>${shown}</mark>` : shown;
  return searchBase === undefined ? text : `<a href=${attr(authorSearchUrl(searchBase, plain))}>${text}</a>`;
}

/**
 * The author list, starred names marked; past `shown` names the rest fold under "and N more",
 * which names the starred authors among them. With `searchBase` (the site's URL), each name
 * shown is a link to the search for that author.
 */
export function renderAuthors(
  authors: readonly string[],
  starred: readonly StarredMatch[],
  shown = authors.length,
  searchBase?: string,
): string {
  const marked = new Set(starred.map((match) => match.as));
  const names = (list: readonly string[], links = true) =>
    list.map((name) => renderName(name, marked, links ? searchBase : undefined)).join(', ');
  if (shown >= authors.length) return names(authors);
  const rest = authors.slice(shown);
  const among = rest.filter((name) => marked.has(name));
  const including = among.length > 0 ? `, including ${names(among, false)}` : '';
  // Open, the summary hides (html-style.ts) and the comma joins the lists; closed, the space does.
  // The folded names are text: a 178-author list would be 168 more links on a page of 1,500
  // papers (the paper's authors page, /papers/<id>/authors, links and stars every one).
  return `${names(authors.slice(0, shown))}<details class=more><summary> and ${rest.length} more${including}</summary>, ${names(rest, false)}</details>`;
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

// A paper costs few elements: a day lists 1,500 of them with every abstract in the page, and a
// phone lays out and keeps every one. The paper's controls first (always in the same place), then
// categories (primary first), arXiv's label, badges and comment as text on one line with the pdf
// and html links; the title links the abstract page.
function renderMeta(paper: PaperView, controls: string, kind: string | undefined): string {
  const { links } = paper;
  const comment = paper.comment ? ` · ${escapeHtml(texToPlain(paper.comment))}` : '';
  return `<div class=m>${controls}${kind === undefined ? '' : `${kind} · `}${escapeHtml(paper.categories.join(' '))} · ${escapeHtml(paper.label)} · <a href=${attr(links.pdf)}>pdf</a> <a href=${attr(links.html)}>html</a>${renderBadges(paper)}${comment}</div>`;
}

/** The paper's address under /papers/, where its POST actions and its similar papers are. */
export function paperPath(baseUrl: string, id: string): string {
  return `${baseUrl}/papers/${id}`;
}

/**
 * The page's form for its few page-wide buttons (each names its address with formaction, `form=f`):
 * "Mark the rest seen", "make it the default". Papers' Save and Hide are in their list's forms
 * (renderPaperList).
 */
export const ACTION_FORM = '<form id=f method=post></form>';

/**
 * Save / Hide, each undone by pressing it again (the pressed one says so), "similar", and the
 * star control (the paper's authors, each with Star or Unstar). A hidden paper leaves the page:
 * its Hide button names where the browser lands instead (`then`, the next paper's anchor), so the
 * reader stays at that place of the list.
 */
function renderActions(paper: PaperView, baseUrl: string, then: string | undefined): string {
  const path = paperPath(baseUrl, paper.id);
  const save =
    paper.mark === 'saved'
      ? `<button formaction=${attr(`${path}/unsave`)} aria-pressed=true>Saved</button>`
      : `<button formaction=${attr(`${path}/save`)}>Save</button>`;
  const hide =
    paper.mark === 'hidden'
      ? `<button formaction=${attr(`${path}/unhide`)} aria-pressed=true>Hidden</button>`
      : `<button formaction=${attr(`${path}/hide`)}${then ? ` name=then value=${attr(then)}` : ''}>Hide</button>`;
  const star = `<a class=sa href=${attr(`${path}/authors`)} aria-label="Star an author of this paper">☆ star</a>`;
  return `${save} ${hide} <a href=${attr(`${path}/similar`)}>similar</a> ${star}`;
}

export interface PaperOptions {
  /** Its title's heading level. */
  level: number;
  /** The abstract shows at once (starred papers). */
  abstractOpen: boolean;
  /** The site's URL: the paper gets its controls (save, hide, star an author). */
  controls?: string;
  /** The site's URL: the authors' names link to their searches (given `controls`, those link too). */
  site?: string;
  /** The paper's anchor (`p-<id>`): on its place in the day's sections, not on its copies. */
  anchor?: boolean;
  /** Show the ranking's one-line why ("For you"). */
  why?: boolean;
  /** The anchor after this paper, where a form that hides it sends the browser back to. */
  then?: string;
  /** Before the title, e.g. the ranked list's score (already HTML). */
  prefix?: string;
  /** How it was announced, said first on its line of facts (the ranked list mixes them). */
  kind?: string;
  /** The papers seen on this day's page (dimmed). */
  seenIds?: ReadonlySet<string>;
  /** The compact view: every abstract starts folded. */
  compact?: boolean;
  /** Its number in its list (`data-n`), drawn by the stylesheet where the list is `openList`'s. */
  number?: number;
}

function renderClasses(paper: PaperView, seen: boolean | undefined): string {
  const classes = [
    paper.starred.length > 0 && 's',
    paper.mark === 'saved' && 'v',
    paper.mark === 'hidden' && 'h',
    seen && 'sn',
  ];
  const list = classes.filter(Boolean).join(' ');
  return list === '' ? '' : ` class=${attr(list)}`;
}

/**
 * Papers a form holds at most. Chromium associates a form's buttons with it in time that grows with
 * the square of their number: the 2,620 Save and Hide buttons of a 1,310-paper day in one form cost
 * about a second of parsing on a desktop (four on a throttled phone), a form per paper as much again
 * once the page has loaded (its forms looked at one by one); a form per hundred papers, neither.
 */
const PAPERS_PER_FORM = 100;

/**
 * Papers as a list (each item renderPaper's, in order; `open` gives the `<ol>` that starts at its
 * 1-based number). With controls, each run of PAPERS_PER_FORM papers is a list in a form of its own,
 * which its papers' Save and Hide submit (each button names its address): plain POSTs without the
 * page's script, and every list numbered on from the one before.
 */
export function renderPaperList(items: readonly string[], open: (start: number) => string, controls: boolean): string {
  if (!controls) return `${open(1)}${items.join('\n')}</ol>`;
  const runs: string[] = [];
  for (let start = 0; start < items.length; start += PAPERS_PER_FORM)
    runs.push(
      `<form class=pl method=post>${open(start + 1)}${items.slice(start, start + PAPERS_PER_FORM).join('\n')}</ol></form>`,
    );
  return runs.join('\n');
}

/** One paper as a list item; a starred paper says who matched. */
export function renderPaper(paper: PaperView, options: PaperOptions): string {
  const starred = paper.starred.length > 0;
  const elsewhere = paper.elsewhere === undefined ? '' : ` · ${escapeHtml(describeElsewhere(paper.elsewhere))}`;
  const who = starred ? `<div class=who>${renderWho(paper.starred)}${elsewhere}</div>` : '';
  const why = options.why && paper.why ? `<div class=why>${escapeHtml(paper.why)}</div>` : '';
  const h = `h${options.level}`;
  const open = options.abstractOpen && !options.compact ? ' open' : '';
  const id = options.anchor ? ` id=${attr(`p-${paper.id}`)}` : '';
  const base = options.controls;
  const authors = renderAuthors(paper.authors, paper.starred, paper.shownAuthors, options.site ?? base);
  const controls = base === undefined ? '' : `${renderActions(paper, base, options.then)} · `;
  const number = options.number === undefined ? '' : ` data-n=${options.number}`;
  return `<li${id} data-p=${attr(paper.id)}${number}${renderClasses(paper, options.seenIds?.has(paper.id))}>${why}${who}<${h}>${options.prefix ?? ''}<a href=${attr(paper.links.abs)}>${renderTexHtml(paper.title)}</a></${h}>
<div class=au>${authors}</div><details class=ab${open}><summary>Abstract</summary>${renderTexHtml(paper.abstract)}</details>${renderMeta(paper, controls, options.kind)}`;
}
