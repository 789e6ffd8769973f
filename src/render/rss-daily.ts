// The daily feed's item body: the day's digest as plain HTML that reads well without our
// stylesheet, in a feed reader's HTML-to-text view (newsboat) as in a browser. Each paper is its
// own block: starred papers in full with the abstract, every other paper one list item (linked
// title, first authors). TeX read as Unicode (text/tex-math.ts).
import { texToUnicode } from '../text/tex-math.ts';
import type { DigestView, PaperView, PostView, SectionView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import {
  describeElsewhere,
  describeMatch,
  describePostSource,
  formatChance,
  formatFirstAuthors,
  formatPapers,
  formatSectionCounts,
  POSTS_HEADING,
} from './format.ts';

function renderStarredBlock(paper: PaperView): string {
  const elsewhere = paper.elsewhere === undefined ? '' : ` · ${escapeHtml(describeElsewhere(paper.elsewhere))}`;
  const starred = paper.starred.map((match) => `★ ${escapeHtml(describeMatch(match))}`).join('; ');
  const who = (starred === '' ? escapeHtml(paper.why ?? '') : starred) + elsewhere;
  const authors = escapeHtml(paper.authors.map(texToUnicode).join(', '));
  const comment = paper.comment ? `<br>${escapeHtml(texToUnicode(paper.comment))}` : '';
  const meta = `${escapeHtml(paper.categories.join(' · '))} · ${escapeHtml(paper.label)} · <a href="${escapeHtml(paper.links.pdf)}">pdf</a>`;
  return `<p><b>${who}</b><br><a href="${escapeHtml(paper.links.abs)}"><b>${escapeHtml(texToUnicode(paper.title))}</b></a><br>${authors}<br>${meta}${comment}</p>
<blockquote>${escapeHtml(texToUnicode(paper.abstract))}</blockquote>
`;
}

function renderPosts(posts: readonly PostView[]): string {
  if (posts.length === 0) return '';
  const items = posts.map((post) => {
    const title = escapeHtml(post.title);
    const linked = post.url === undefined ? title : `<a href="${escapeHtml(post.url)}">${title}</a>`;
    const summary = post.summary === '' ? '' : `<br>${escapeHtml(post.summary)}`;
    return `<li>${linked} (${escapeHtml(describePostSource(post))})${summary}</li>
`;
  });
  return `<h2>${escapeHtml(POSTS_HEADING)} (${posts.length})</h2>
<ul>
${items.join('')}</ul>
`;
}

/** A paper's title linking to arXiv, then its first authors. */
function renderListLine(paper: PaperView): string {
  return `<a href="${escapeHtml(paper.links.abs)}">${escapeHtml(texToUnicode(paper.title))}</a> (${escapeHtml(formatFirstAuthors(paper.authors))})`;
}

function renderListItem(paper: PaperView): string {
  return `<li>${renderListLine(paper)}</li>\n`;
}

/** A "For you" paper as a line, its chance of a save and its why first: the cut-off can leave hundreds. */
function renderRankedItem(paper: PaperView): string {
  const why = paper.why ? ` · ${escapeHtml(paper.why)}` : '';
  return `<li>${formatChance(paper.score)}${why}: ${renderListLine(paper)}</li>\n`;
}

function renderSection(section: SectionView): string {
  if (section.papers.length === 0) return '';
  const groups = section.groups.map(
    (group) =>
      `<h3>${escapeHtml(group.category)} (${group.papers.length})</h3>\n<ul>\n${group.papers.map(renderListItem).join('')}</ul>\n`,
  );
  return `<h2>${escapeHtml(section.heading)} (${section.papers.length})</h2>\n${groups.join('')}`;
}

export function renderDailyItemHtml(digest: DigestView, page: string): string {
  const [starred, ...rest] = digest.sections;
  const counts = `<p>${formatPapers(digest.counts.total)}: ${escapeHtml(formatSectionCounts(digest.sections, ', '))}. <a href="${escapeHtml(page)}">The day on the web</a></p>\n`;
  const first =
    starred === undefined
      ? ''
      : `<h2>${escapeHtml(starred.heading)} (${starred.papers.length})</h2>\n${
          starred.papers.length > 0
            ? starred.papers.map(renderStarredBlock).join('')
            : `<p>${escapeHtml(starred.empty ?? '')}</p>\n`
        }`;
  const forYou =
    digest.forYou.papers.length === 0
      ? ''
      : `<h2>For you (${digest.forYou.papers.length})</h2>\n<ul>\n${digest.forYou.papers.map(renderRankedItem).join('')}</ul>\n`;
  return `${counts}${first}${renderPosts(digest.posts)}${forYou}${rest.map(renderSection).join('')}`;
}
