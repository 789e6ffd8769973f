// The day's page as the reader works through it: the one ranked list (`?sort=score`: every paper
// not by a starred author, best first, each with its announce type and its chance of a save, and
// the cut-off line), the line saying how much of the day was seen with the way back to where the
// reader stopped, and the lists' numbering wide enough for their numbers.
import type { AnnounceType, DigestView, PaperView, RankedListView, SectionView, SeenView } from '../views/types.ts';
import { formatChance } from './format.ts';
import { attr, renderPaper, renderPaperList, type PaperOptions } from './html-paper.ts';

const number = new Intl.NumberFormat('en-US');

/** Each paper of the ranked list says how it was announced: the list mixes them. */
const ANNOUNCED_AS: Readonly<Record<AnnounceType, string>> = {
  new: 'new',
  cross: 'cross-list',
  replace: 'replacement',
  'replace-cross': 'cross-list replacement',
};

/**
 * The day's `<ol>`: its papers carry their numbers (`data-n`, from `renderPaper`'s `number`) and
 * the stylesheet draws them inside each paper's box, as wide as the list's largest number ("1,310."
 * is cut at a phone's edge otherwise). Not list items: on a list of a thousand papers the browser
 * lays every one out again for its number each time an abstract opens or a paper is hidden (80 to
 * 180 ms a key on a desktop).
 */
export function openList(last: number, start = 1): string {
  const digits = String(last).length;
  const width = digits >= 4 ? ' d4' : digits === 3 ? ' d3' : '';
  return `<ol class="nb${width}"${start > 1 ? ` start=${start}` : ''}>`;
}

/** Lines (each item's HTML) as `openList`'s numbered list. @param lines without their `<li>` */
export function renderNumbered(lines: readonly string[]): string {
  return `${openList(lines.length)}${lines.map((line, i) => `<li data-n=${i + 1}>${line}`).join('\n')}</ol>`;
}

/** The chance of a save as a whole percent, in an element of its own. */
export function renderScore(score: number | undefined): string {
  return `<span class=score>${formatChance(score)}</span> `;
}

type ListOptions = Pick<PaperOptions, 'controls' | 'site' | 'seenIds' | 'compact'>;

function renderRanked(papers: readonly PaperView[], from: number, options: ListOptions, after: string): string {
  const items = papers.map((paper, i) =>
    renderPaper(paper, {
      ...options,
      level: 3,
      abstractOpen: false,
      anchor: true,
      prefix: renderScore(paper.score),
      kind: ANNOUNCED_AS[paper.announceType],
      then: papers[i + 1] ? `p-${papers[i + 1]!.id}` : after,
      number: from + i + 1,
    }),
  );
  return renderPaperList(
    items,
    (start) => openList(from + papers.length, from + start),
    options.controls !== undefined,
  );
}

/** The ranked list, the cut-off line between the papers above it and the rest. */
export function renderRankedList(ranked: RankedListView, options: ListOptions): string {
  const above = ranked.papers.slice(0, ranked.cutoff);
  const below = ranked.papers.slice(ranked.cutoff);
  const heading = `<h2>Ranked: the chance you save each paper (${number.format(ranked.papers.length)})</h2>`;
  const line = `<p id=cutoff class=cut>${
    above.length === 0
      ? 'The ranking expects less than one save among today’s papers.'
      : `Cut-off: below this line the ranking expects less than one save (${number.format(below.length)} papers).`
  }</p>`;
  const first = above.length > 0 ? renderRanked(above, 0, options, 'cutoff') : '';
  const rest = below.length > 0 ? renderRanked(below, above.length, options, 'ranked') : '';
  return `<section id=ranked>${heading}${first}${line}${rest}</section>\n`;
}

/**
 * A section's papers as its page lists them: by category, the largest group first. The link to the
 * first not seen must lead where the page's script resumes, and that walks the page.
 */
function inPageOrder(section: SectionView): readonly PaperView[] {
  return section.groups.length > 0 ? section.groups.flatMap((group) => group.papers) : section.papers;
}

/**
 * "412 of 1,310 seen", the way back to the first paper not seen (a link: no script needed), and
 * "Mark the rest seen" (a form). The page's script keeps the count and tells the server (data-url).
 */
export function renderSeenLine(digest: DigestView, seen: SeenView, controls: string | undefined): string {
  const shown = digest.ranked
    ? [...digest.sections[0]!.papers, ...digest.ranked.papers]
    : digest.sections.flatMap(inPageOrder);
  const url = `${controls ?? ''}/digest/${digest.date}/seen`;
  const first = seen.count > 0 ? shown.find((paper) => !seen.ids.has(paper.id)) : undefined;
  const resume = first ? ` · <a href=${attr(`#p-${first.id}`)}>on to the first not seen</a>` : '';
  const rest =
    controls !== undefined && seen.count < shown.length
      ? ` · <button form=f formaction=${attr(url)} name=rest value=1>Mark the rest seen</button>`
      : '';
  const data = controls === undefined ? '' : ` data-url=${attr(url)}`;
  return `<p id=seen class=m${data}><span id=sc>${number.format(seen.count)}</span> of ${number.format(shown.length)} seen${resume}${rest}</p>\n`;
}
