// The mail's text part: the same sections as the HTML part (email-sections.ts), wrapped at 78
// columns (RFC 5322 §2.1.1) with URLs never broken, TeX read as Unicode. A paper in full is who
// matched or why, title, authors (a long list folded), categories, abstract, then its links.
import { formatLongDay } from '../calendar/days.ts';
import { stripControlCharacters } from '../text/control.ts';
import { texToUnicode } from '../text/tex-math.ts';
import type { DigestView, PaperView, PostView } from '../views/types.ts';
import {
  countLeft,
  describeDay,
  describeMissingPublicUrl,
  foldAuthors,
  paperOnSite,
  type MailEntry,
  type MailSection,
} from './email-sections.ts';
import type { MailMeta } from './email.ts';
import { describeElsewhere, describeMatch, describePostSource, formatFirstAuthors } from './format.ts';
import { heading, TEXT_WIDTH, wrapText } from './text.ts';

const indented = (text: string, first = '  ') => wrapText(text, TEXT_WIDTH, '    ', first);

function describeAuthors(paper: PaperView): string {
  const { shown, more, starredAmong } = foldAuthors(paper);
  const among = starredAmong.length > 0 ? `, including ${starredAmong.map(texToUnicode).join(', ')}` : '';
  return shown.map(texToUnicode).join(', ') + (more > 0 ? ` and ${more} more${among}` : '');
}

function renderFullPaper(paper: PaperView, day: string, meta: MailMeta): string[] {
  const who = paper.starred.length > 0 ? paper.starred.map((match) => `★ ${describeMatch(match)}`) : [paper.why ?? ''];
  return [
    ...who.filter(Boolean).flatMap((line) => wrapText(line)),
    ...(paper.elsewhere === undefined ? [] : wrapText(`  (${describeElsewhere(paper.elsewhere)})`)),
    ...wrapText(texToUnicode(paper.title)),
    ...indented(describeAuthors(paper)),
    ...indented(`${paper.categories.join(', ')} · ${paper.label}`),
    ...(paper.comment ? indented(texToUnicode(paper.comment)) : []),
    '',
    ...wrapText(texToUnicode(paper.abstract), TEXT_WIDTH, '  '),
    '',
    `  ${paper.links.abs}`,
    `  PDF: ${paper.links.pdf}`,
    `  Save or hide: ${paperOnSite(meta.baseUrl, day, paper.id)}`,
    '',
  ];
}

function renderRow(paper: PaperView): string[] {
  return [
    ...wrapText(texToUnicode(paper.title), TEXT_WIDTH, '  ', '* '),
    ...indented(formatFirstAuthors(paper.authors)),
    `  ${paper.links.abs}`,
    '',
  ];
}

function renderPost(post: PostView, full: boolean): string[] {
  return [
    ...wrapText(post.title, TEXT_WIDTH, '  ', '* '),
    ...indented(describePostSource(post)),
    ...(full && post.summary !== '' ? wrapText(post.summary, TEXT_WIDTH, '  ') : []),
    ...(post.url === undefined ? [] : [`  ${post.url}`]),
    '',
  ];
}

/** One entry at a level ('' when left to the page), ending with a blank line. */
export function renderMailTextEntry(entry: MailEntry, level: MailEntry['level'], day: string, meta: MailMeta): string {
  if (level === 'left') return '';
  const lines =
    entry.kind === 'post'
      ? renderPost(entry.post, level === 'full')
      : level === 'full'
        ? renderFullPaper(entry.paper, day, meta)
        : renderRow(entry.paper);
  return `${lines.join('\n')}\n`;
}

function renderSection(section: MailSection, day: string, meta: MailMeta): string {
  const head = [
    ...heading(texToUnicode(section.heading), '-'),
    '',
    ...(section.note ? [...wrapText(section.note), ''] : []),
  ];
  const entries = section.entries.map((entry) => renderMailTextEntry(entry, entry.level, day, meta)).join('');
  const left = countLeft(section);
  const more = left > 0 ? `…and ${left} more on the site: ${meta.baseUrl}/digest/${day}\n\n` : '';
  return `${head.join('\n')}\n${entries}${more}`;
}

/** The whole text part for sections whose levels are decided. */
export function renderMailText(digest: DigestView, sections: readonly MailSection[], meta: MailMeta): string {
  const title = heading(`arXiv digest for ${formatLongDay(digest.date)}`, '=');
  const tail = [
    '-- ',
    ...wrapText(describeDay(digest)),
    `The whole day on the site: ${meta.baseUrl}/digest/${digest.date}`,
    ...(meta.publicUrl ? [] : wrapText(describeMissingPublicUrl(meta.baseUrl))),
  ];
  const body = sections.map((section) => renderSection(section, digest.date, meta)).join('');
  // The text goes to mail readers: no stored title may move the cursor or clear the screen.
  return stripControlCharacters(`${title.join('\n')}\n\n${body}${tail.join('\n')}\n`);
}
