// The day page's triage parts: "For you" (the ranking's top papers with their why), the keyword
// watches' section, the order and hidden-papers toggles (plain links, `sort=score`, `hidden=1`),
// the "mark read" form and the archive's unread days.
import type { DigestView, ForYouView, PaperView, WatchView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { formatChance } from './format.ts';
import { attr, renderWatchBadges } from './html-paper.ts';
import { renderNumbered } from './html-ranked.ts';
import { renderTexHtml } from './tex-html.ts';
import { texToUnicode } from '../text/tex-math.ts';

const number = new Intl.NumberFormat('en-US');

export const FOR_YOU_UNTRAINED =
  'Star an author, add a watch or save a paper to rank the day: until then it keeps arXiv’s order.';
export const FOR_YOU_NONE =
  'Nothing above today’s cut-off: the ranking expects less than one save among the other papers.';

/** What "For you" says above its papers: that the ranking is still learning, and from how many saves. */
export function describeLearning(forYou: ForYouView): string | undefined {
  const saves = forYou.learning?.saves;
  if (saves === undefined) return undefined;
  if (saves === 0)
    return 'The ranking is still learning: no saves yet, so it follows your starred authors and watches. Save what you want to read to teach it.';
  return `The ranking is still learning: ${saves === 1 ? '1 save' : `${saves} saves`} so far. The more you save, the better it ranks.`;
}

/**
 * "For you": the papers above the day's cut-off, best first, after the starred section: a line each
 * (its chance of a save, its title linking to its place in the day's list, its why), however many,
 * as light as a line can be (two elements; the title's TeX as plain text: the paper shows its MathML).
 * Not copies: the cut-off follows the ranking's certainty, so an unsure ranking puts half the day
 * above it, and copies would make the reader go through those papers twice (each paper is read,
 * saved and hidden once, in its section; `sort=score` reads the day best first in full).
 */
export function renderForYou(forYou: ForYouView): string {
  if (forYou.status === 'untrained')
    return `<section id=foryou><h2>For you</h2><p class=m>${FOR_YOU_UNTRAINED}</p></section>\n`;
  const heading = `<h2>For you (${number.format(forYou.papers.length)})</h2>`;
  const learning = describeLearning(forYou);
  const note = learning === undefined ? '' : `<p class=m>${escapeHtml(learning)}</p>`;
  if (forYou.papers.length === 0)
    return `<section id=foryou>${heading}${note}<p class=m>${FOR_YOU_NONE}</p></section>\n`;
  const lines = forYou.papers.map((paper) => {
    const why = paper.why ? ` · ${escapeHtml(paper.why)}` : '';
    return `${formatChance(paper.score)} <a href=${attr(`#p-${paper.id}`)}>${escapeHtml(texToUnicode(paper.title))}</a>${why}`;
  });
  return `<section id=foryou>${heading}${note}${renderNumbered(lines)}</section>\n`;
}

/**
 * The watches and the day's papers they match, each paper once however many watches match it: a
 * line per watch with its count, then the matched papers as links to their place in the day's
 * list, each naming its watches. (A hundred broad watches would otherwise copy the day a hundred times.)
 */
export function renderWatches(watches: readonly WatchView[]): string {
  if (watches.length === 0) return '';
  const lines = watches.map(
    (watch) =>
      `<li id=${attr(`watch-${watch.slug}`)}>Watch: ${escapeHtml(watch.query)} (${number.format(watch.papers.length)})`,
  );
  const papers = watchedPapers(watches);
  const list =
    papers.length === 0
      ? '<p class=m>Nothing today.</p>'
      : renderNumbered(
          papers.map(
            (paper) =>
              `<a href=${attr(`#p-${paper.id}`)}>${renderTexHtml(paper.title)}</a> <span class=m>${renderWatchBadges(paper.watches ?? [])}</span>`,
          ),
        );
  const heading = `<h2>Watches (${number.format(papers.length)})</h2>`;
  return `<section id=watches>${heading}<ul class=m>${lines.join('')}</ul>${list}</section>\n`;
}

/** The papers any watch matches, each once, in the order of the watches and then of the day. */
export function watchedPapers(watches: readonly WatchView[]): PaperView[] {
  const seen = new Set<string>();
  const papers: PaperView[] = [];
  for (const watch of watches)
    for (const paper of watch.papers)
      if (!seen.has(paper.id)) {
        seen.add(paper.id);
        papers.push(paper);
      }
  return papers;
}

/** The page's address with the filter, order and view as query parameters. */
function pageWith(
  page: string,
  digest: DigestView,
  change: { sort?: string; hidden?: boolean; view?: string },
): string {
  const params = new URLSearchParams();
  for (const category of digest.filter.only) params.append('cat', category);
  // A page without `sort` is in the reader's default order: a link to the other order names it.
  const sort = change.sort ?? digest.order.sort;
  if (sort !== (digest.order.defaultSort ?? 'arxiv')) params.set('sort', sort);
  if (change.hidden ?? digest.order.showHidden) params.set('hidden', '1');
  if ((change.view ?? digest.order.view) === 'titles') params.set('view', 'titles');
  const query = params.toString();
  return query === '' ? page : `${page}?${query}`;
}

/** "make it the default": a form (the reader's order for pages whose address names none). */
function renderDefaultOrder(digest: DigestView, controls: string | undefined): string {
  const { sort, defaultSort = 'arxiv' } = digest.order;
  if (controls === undefined || sort === defaultSort) return '';
  return ` <button form=f formaction=${attr(`${controls}/settings/order`)} name=sort value=${sort}>make it the default</button>`;
}

/** "Order: arXiv · by score", "titles only" and "show 3 hidden", as links (they change no data). */
export function renderOrder(digest: DigestView, page: string, controls?: string): string {
  const { order } = digest;
  const arxiv =
    order.sort === 'arxiv' ? '<b>arXiv</b>' : `<a href=${attr(pageWith(page, digest, { sort: 'arxiv' }))}>arXiv</a>`;
  const score =
    order.sort === 'score'
      ? '<b>by score</b>'
      : digest.forYou.status === 'ranked'
        ? `<a href=${attr(pageWith(page, digest, { sort: 'score' }))}>by score</a>`
        : 'by score (no ranking yet)';
  const view =
    order.view === 'titles'
      ? `<a href=${attr(pageWith(page, digest, { view: 'full' }))}>with abstracts</a>`
      : `<a href=${attr(pageWith(page, digest, { view: 'titles' }))}>titles only</a>`;
  const hidden =
    order.hidden === 0
      ? ''
      : order.showHidden
        ? ` · <a href=${attr(pageWith(page, digest, { hidden: false }))}>leave out ${order.hidden} hidden</a>`
        : ` · <a href=${attr(pageWith(page, digest, { hidden: true }))}>show ${order.hidden} hidden</a>`;
  const site = page.replace(/\/digest\/[^/]*$/, '');
  return `<p class=m>Order: ${arxiv} · ${score}${renderDefaultOrder(digest, controls)} · ${view}${hidden} · <a href=${attr(`${site}/saved`)}>saved</a> · <a href=${attr(`${site}/watches`)}>watches</a></p>\n`;
}

/** A day not opened yet offers "Mark read"; the page's script sends it when the page opens. */
export function renderSeenForm(baseUrl: string, day: string, seen: boolean): string {
  if (seen) return '';
  return `<form class=seen method=post action=${attr(`${baseUrl}/digest/${day}/seen`)}><button>Mark this day read</button></form>\n`;
}

/** The archive, days not opened in bold and said so; and "next unread day" after time away. */
export function renderArchive(baseUrl: string, archive: readonly string[], unread: ReadonlySet<string>): string {
  return archive
    .map((day) => {
      const link = `<a href="${baseUrl}/digest/${day}">${day}</a>`;
      return unread.has(day) ? `<b>${link} (unread)</b>` : link;
    })
    .join(' · ');
}

export function renderNextUnread(baseUrl: string, nextUnread: string | undefined, count: number): string {
  if (nextUnread === undefined) return '';
  const days = count === 1 ? '1 unread day' : `${count} unread days`;
  return `<p class=m>You have ${days}: <a href="${baseUrl}/digest/${nextUnread}">next unread day, ${nextUnread} →</a></p>\n`;
}
