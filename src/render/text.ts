// The digest as plain text in the style of an email (the text digest and the mail's text part):
// starred papers in full with their abstracts, the day's counts, then every other paper in a few
// lines, by section and category, then the day's page. Lines are wrapped at 78 columns (RFC 5322
// §2.1.1), URLs never broken. TeX reads as Unicode (text/tex-math.ts).
import { formatLongDay } from '../calendar/days.ts';
import { texToUnicode } from '../text/tex-math.ts';
import type { DigestView, PaperView, PostView, SectionView } from '../views/types.ts';
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
import { stripControlCharacters } from '../text/control.ts';

export const TEXT_WIDTH = 78;

export interface DigestTextMeta {
  /** Site URL for a link back to the web page, without a trailing slash. */
  baseUrl?: string;
  /** Set when arXiv announced nothing that day, e.g. "weekend". */
  noAnnouncement?: string;
}

/** Greedy word wrap; a word longer than the line (a URL) stays whole on its own line. */
export function wrapText(text: string, width = TEXT_WIDTH, indent = '', firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

export function heading(text: string, underline: string): string[] {
  return [text, underline.repeat(Math.min(text.length, TEXT_WIDTH))];
}

/** A starred paper in full: who matched, title, every author, categories, comment, abstract, link. */
function renderFullPaper(paper: PaperView): string[] {
  const who = paper.starred.length > 0 ? paper.starred.map((match) => `★ ${describeMatch(match)}`) : [paper.why ?? ''];
  return [
    ...who.filter(Boolean).flatMap((line) => wrapText(line)),
    ...(paper.elsewhere === undefined ? [] : wrapText(`  (${describeElsewhere(paper.elsewhere)})`)),
    ...wrapText(texToUnicode(paper.title)),
    ...wrapText(paper.authors.map(texToUnicode).join(', '), TEXT_WIDTH, '    ', '  '),
    ...wrapText(`${paper.categories.join(', ')} · ${paper.label}`, TEXT_WIDTH, '    ', '  '),
    ...(paper.comment ? wrapText(texToUnicode(paper.comment), TEXT_WIDTH, '    ', '  ') : []),
    '',
    ...wrapText(texToUnicode(paper.abstract), TEXT_WIDTH, '  '),
    '',
    `  ${paper.links.abs}`,
    '',
  ];
}

/** A "For you" paper: its chance of a save and why, then as any other paper. */
function renderRankedPaper(paper: PaperView): string[] {
  const chance = formatChance(paper.score);
  return [...wrapText(paper.why ? `${chance} · ${paper.why}` : chance), ...renderCompactPaper(paper)];
}

/** Any other paper in three lines or so: title, first authors, link. */
function renderCompactPaper(paper: PaperView): string[] {
  return [
    ...wrapText(texToUnicode(paper.title), TEXT_WIDTH, '  ', '* '),
    ...wrapText(formatFirstAuthors(paper.authors), TEXT_WIDTH, '    ', '  '),
    `  ${paper.links.abs}`,
  ];
}

export function renderDigestText(digest: DigestView, meta: DigestTextMeta = {}): string {
  const lines = [...heading(`arXiv digest for ${formatLongDay(digest.date)}`, '='), ''];
  if (meta.noAnnouncement !== undefined) {
    lines.push(...wrapText(`No arXiv announcement on this day (${meta.noAnnouncement}).`), '');
    return finishText(lines, digest, meta);
  }
  const [first, ...rest] = digest.sections;
  if (first !== undefined) lines.push(...renderStarred(first));
  if (digest.posts.length > 0) lines.push(...renderPosts(digest.posts));
  if (digest.forYou.papers.length > 0) {
    lines.push(...heading(`For you (${digest.forYou.papers.length})`, '-'), '');
    // A few lines each, as the sections list them: the line falls far down when the ranking is unsure
    // (hundreds of papers), and the abstracts are one link away.
    for (const paper of digest.forYou.papers) lines.push(...renderRankedPaper(paper), '');
  }
  lines.push(...wrapText(`${formatPapers(digest.counts.total)}: ${formatSectionCounts(digest.sections, ', ')}`), '');
  for (const section of rest) if (section.papers.length > 0) lines.push(...renderSection(section));
  return finishText(lines, digest, meta);
}

function renderStarred(section: SectionView): string[] {
  const lines = [...heading(`${section.heading} (${section.papers.length})`, '-'), ''];
  if (section.papers.length === 0 && section.empty !== undefined) lines.push(section.empty, '');
  for (const paper of section.papers) lines.push(...renderFullPaper(paper));
  return lines;
}

/** The day's blog posts: title, source and date, summary, link. */
function renderPosts(posts: readonly PostView[]): string[] {
  const lines = [...heading(`${POSTS_HEADING} (${posts.length})`, '-'), ''];
  for (const post of posts) {
    lines.push(
      ...wrapText(post.title, TEXT_WIDTH, '  ', '* '),
      ...wrapText(describePostSource(post), TEXT_WIDTH, '    ', '  '),
    );
    if (post.summary !== '') lines.push(...wrapText(post.summary, TEXT_WIDTH, '  '));
    lines.push(...(post.url === undefined ? [] : [`  ${post.url}`]), '');
  }
  return lines;
}

function renderSection(section: SectionView): string[] {
  const lines = [...heading(`${section.heading} (${section.papers.length})`, '-'), ''];
  for (const group of section.groups) {
    lines.push(`${group.category} (${group.papers.length})`, '');
    for (const paper of group.papers) lines.push(...renderCompactPaper(paper), '');
  }
  return lines;
}

// The text goes to terminals and mail readers: no stored title may move the cursor or clear the screen.
function finishText(lines: string[], digest: DigestView, meta: DigestTextMeta): string {
  if (meta.baseUrl) lines.push('-- ', `On the web: ${meta.baseUrl}/digest/${digest.date}`);
  return stripControlCharacters(`${lines.join('\n').trimEnd()}\n`);
}
