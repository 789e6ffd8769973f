// Renders papers as one day of arXiv's RSS 2.0 feed, in the shape of the real captures
// (tests/fixtures/arxiv/rss2-*.xml, fetcher/FORMATS.md §1).
import type { PaperRecord } from '../../src/types.ts';

/** The project's one request for all its categories (src/jobs/fetch-feed.ts). */
export const DEFAULT_FEED_CATEGORIES = 'cs.LG+cs.NE+stat.ML';

/**
 * The RSS document of announcement day `day` (`YYYY-MM-DD`) listing `papers` in the given order.
 * Papers without a version are listed as v1 and without an announce type as `new`, since every
 * RSS item has both.
 */
export function renderDayAsRss(
  day: string,
  papers: readonly PaperRecord[],
  categories = DEFAULT_FEED_CATEGORIES,
): string {
  const pubDate = `${rfc822Day(day)} 00:00:00 ${easternOffset(day)}`;
  const items = papers.map((paper) => renderItem(paper, pubDate));
  return [...renderChannelHead(day, categories, pubDate), ...items, '  </channel>', '</rss>', ''].join('\n');
}

function renderChannelHead(day: string, categories: string, pubDate: string): string[] {
  // The captures echo the request as http://, whatever scheme was asked for.
  const link = `http://rss.arxiv.org/rss/${categories}`;
  const names = categories.split('+').join(', ');
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    '<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
      'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">',
    '  <channel>',
    `    <title>${escapeXml(names)} updates on arXiv.org</title>`,
    `    <link>${escapeXml(link)}</link>`,
    `    <description>${escapeXml(names)} updates on the arXiv.org e-print archive.</description>`,
    `    <atom:link href="${escapeXml(link).replace(/"/g, '&quot;')}" rel="self" type="application/rss+xml"/>`,
    '    <docs>http://www.rssboard.org/rss-specification</docs>',
    '    <language>en-us</language>',
    `    <lastBuildDate>${lastBuildDate(day)}</lastBuildDate>`,
    '    <managingEditor>rss-help@arxiv.org</managingEditor>',
    `    <pubDate>${pubDate}</pubDate>`,
    '    <skipDays>',
    '      <day>Sunday</day>',
    '      <day>Saturday</day>',
    '    </skipDays>',
  ];
}

function renderItem(paper: PaperRecord, pubDate: string): string {
  const version = paper.version ?? 1;
  const type = paper.announceType ?? 'new';
  const lines = [
    '    <item>',
    `      <title>${escapeXml(paper.title)}</title>`,
    `      <link>https://arxiv.org/abs/${paper.id}</link>`,
    // The space before the newline is arXiv's (fetcher/FORMATS.md §1).
    `      <description>arXiv:${paper.id}v${version} Announce Type: ${type} \nAbstract: ${escapeXml(paper.abstract)}</description>`,
    `      <guid isPermaLink="false">oai:arXiv.org:${paper.id}v${version}</guid>`,
    ...paper.categories.map((c) => `      <category>${escapeXml(c)}</category>`),
    `      <pubDate>${pubDate}</pubDate>`,
    `      <arxiv:announce_type>${type}</arxiv:announce_type>`,
  ];
  if (paper.license !== undefined) lines.push(`      <dc:rights>${escapeXml(paper.license)}</dc:rights>`);
  if (paper.doi !== undefined) lines.push(`      <arxiv:DOI>${escapeXml(paper.doi)}</arxiv:DOI>`);
  if (paper.journalRef !== undefined)
    lines.push(`      <arxiv:journal_reference>${escapeXml(paper.journalRef)}</arxiv:journal_reference>`);
  lines.push(`      <dc:creator>${escapeXml(paper.authors.join(', '))}</dc:creator>`, '    </item>');
  return lines.join('\n');
}

/** Text content as arXiv escapes it: `&`, `<` and `>` only (quotes stay as typed). */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "Thu, 26 Nov 2026". */
function rfc822Day(day: string): string {
  return new Date(`${day}T12:00:00Z`).toUTCString().slice(0, 16);
}

const NEW_YORK_OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'longOffset' });

/**
 * The US Eastern offset at local midnight of `day`: `-0400` (EDT) or `-0500` (EST). 04:00 UTC
 * is midnight EDT; if New York is not on EDT at that instant, its midnight is EST. This also
 * holds on the two switch days, whose changes happen at 02:00 local time.
 */
export function easternOffset(day: string): string {
  const zone = NEW_YORK_OFFSET.formatToParts(new Date(`${day}T04:00:00Z`)).find(
    (p) => p.type === 'timeZoneName',
  )?.value;
  return zone === 'GMT-04:00' ? '-0400' : '-0500';
}

/** The feed is built just after midnight Eastern: 04:00:01 or 05:00:01 UTC, written in +0000. */
function lastBuildDate(day: string): string {
  const hour = easternOffset(day) === '-0400' ? '04' : '05';
  return `${rfc822Day(day)} ${hour}:00:01 +0000`;
}
