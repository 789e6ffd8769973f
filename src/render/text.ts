// The digest as plain text in the style of an email: starred papers first, the day's counts,
// then one block per paper. Lines are wrapped at 78 columns (RFC 5322 §2.1.1), URLs never broken.
import { formatLongDay } from '../calendar/days.ts';
import type { DigestView, PaperView } from '../views/types.ts';
import { describeMatch, formatCategoryCounts, formatTypeCounts } from './format.ts';
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

function heading(text: string, underline: string): string[] {
  return [text, underline.repeat(Math.min(text.length, TEXT_WIDTH))];
}

function renderPaperBlock(paper: PaperView): string[] {
  return [
    ...paper.starred.map((match) => `★ ${describeMatch(match)}`).flatMap((line) => wrapText(line)),
    ...wrapText(paper.title),
    ...wrapText(paper.authors.join(', '), TEXT_WIDTH, '    ', '  '),
    ...wrapText(`${paper.categories.join(', ')} · ${paper.label}`, TEXT_WIDTH, '    ', '  '),
    ...(paper.comment ? wrapText(paper.comment, TEXT_WIDTH, '    ', '  ') : []),
    `  ${paper.links.abs}`,
    '',
  ];
}

export function renderDigestText(digest: DigestView, meta: DigestTextMeta = {}): string {
  const lines = [...heading(`arXiv digest for ${formatLongDay(digest.date)}`, '='), ''];
  if (meta.noAnnouncement !== undefined) {
    lines.push(...wrapText(`No arXiv announcement on this day (${meta.noAnnouncement}).`), '');
    return finishText(lines, digest, meta);
  }
  const [first, ...rest] = digest.sections;
  if (first !== undefined) lines.push(...renderSection(first.heading, first.papers, first.empty));
  const { counts } = digest;
  lines.push(...wrapText(`${counts.total} papers: ${formatTypeCounts(counts, ', ')}`));
  const categories = formatCategoryCounts(counts, ', ');
  if (categories) lines.push(...wrapText(`By primary category: ${categories}`));
  lines.push('');
  for (const section of rest)
    if (section.papers.length > 0) lines.push(...renderSection(section.heading, section.papers));
  return finishText(lines, digest, meta);
}

function renderSection(title: string, papers: readonly PaperView[], empty?: string): string[] {
  const lines = [...heading(`${title} (${papers.length})`, '-'), ''];
  if (papers.length === 0 && empty !== undefined) lines.push(empty, '');
  for (const paper of papers) lines.push(...renderPaperBlock(paper));
  return lines;
}

// The text goes to terminals and mail readers: no stored title may move the cursor or clear the screen.
function finishText(lines: string[], digest: DigestView, meta: DigestTextMeta): string {
  if (meta.baseUrl) lines.push('-- ', `On the web: ${meta.baseUrl}/digest/${digest.date}`);
  return stripControlCharacters(`${lines.join('\n').trimEnd()}\n`);
}
