// The digest as plain text in the style of an email: starred papers first, the day's counts,
// then one block per paper. Lines are wrapped at 78 columns (RFC 5322 §2.1.1), URLs never broken.
import type { AnnounceType, Digest, DigestPaper } from '../types.ts';
import { ANNOUNCE_TYPES } from '../types.ts';
import { formatLongDay } from '../dates.ts';
import { countByCategory, countByType } from './html.ts';
import { describeMatch, versionedId } from './html-paper.ts';

export const TEXT_WIDTH = 78;

export interface DigestTextMeta {
  /** Site URL for a link back to the web page, without a trailing slash. */
  baseUrl?: string;
  /** Set when arXiv announced nothing that day, e.g. "weekend". */
  noAnnouncement?: string;
}

const TYPE_HEADINGS: Record<AnnounceType, string> = {
  new: 'New submissions',
  cross: 'Cross-lists',
  replace: 'Replacements',
  'replace-cross': 'Cross-list replacements',
};

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

function renderPaperBlock(paper: DigestPaper): string[] {
  return [
    ...paper.starred.map((match) => `★ ${describeMatch(match)}`).flatMap((line) => wrapText(line)),
    ...wrapText(paper.title),
    ...wrapText(paper.authors.join(', '), TEXT_WIDTH, '    ', '  '),
    ...wrapText(`${paper.categories.join(', ')} · arXiv:${versionedId(paper)}`, TEXT_WIDTH, '    ', '  '),
    ...(paper.comment ? wrapText(paper.comment, TEXT_WIDTH, '    ', '  ') : []),
    `  https://arxiv.org/abs/${paper.id}`,
    '',
  ];
}

export function renderDigestText(digest: Digest, meta: DigestTextMeta = {}): string {
  const lines = [...heading(`arXiv digest for ${formatLongDay(digest.date)}`, '='), ''];
  if (meta.noAnnouncement !== undefined) {
    lines.push(...wrapText(`No arXiv announcement on this day (${meta.noAnnouncement}).`), '');
    return finishText(lines, digest, meta);
  }
  const starred = digest.papers.filter((paper) => paper.starred.length > 0);
  lines.push(...heading(`Starred authors (${starred.length})`, '-'), '');
  if (starred.length === 0) lines.push('No paper by a starred author on this day.', '');
  for (const paper of starred) lines.push(...renderPaperBlock(paper));
  const byType = countByType(digest.papers);
  lines.push(...wrapText(`${digest.papers.length} papers: ${ANNOUNCE_TYPES.map((type) => `${type} ${byType[type]}`).join(', ')}`));
  const categories = countByCategory(digest.papers).map(([category, n]) => `${category} ${n}`).join(', ');
  if (categories) lines.push(...wrapText(`By primary category: ${categories}`));
  lines.push('');
  for (const type of ANNOUNCE_TYPES) {
    const papers = digest.papers.filter((paper) => paper.announceType === type && paper.starred.length === 0);
    if (papers.length === 0) continue;
    lines.push(...heading(`${TYPE_HEADINGS[type]} (${papers.length})`, '-'), '');
    for (const paper of papers) lines.push(...renderPaperBlock(paper));
  }
  return finishText(lines, digest, meta);
}

function finishText(lines: string[], digest: Digest, meta: DigestTextMeta): string {
  if (meta.baseUrl) lines.push('-- ', `On the web: ${meta.baseUrl}/digest/${digest.date}`);
  return `${lines.join('\n').trimEnd()}\n`;
}
