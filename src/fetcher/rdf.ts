// Legacy export.arxiv.org RSS 1.0 / RDF (before Feb 2024) -> ParsedFeed (FORMATS.md §2).
import type { AnnounceType, PaperRecord } from '../types.ts';
import { addDays, parseDay } from '../calendar/days.ts';
import { FeedFormatError, ItemError } from './errors.ts';
import type { FeedReader } from './feed-reader.ts';
import { isArxivUrl, parseArxivId } from './ids.ts';
import { extractLinkedNames } from './names.ts';
import { attr, child, text, type XmlNode } from './xml.ts';

// `Title. (arXiv:2107.03419v1 [hep-ex])`, optionally ` CROSS LISTED)` or ` UPDATED)`.
// The legacy generator put ". " between the title and the suffix; that period is dropped.
const TITLE_SUFFIX = /\.?\s*\(arXiv:(\S+) \[([^\]]+)\](?: (CROSS LISTED|UPDATED))?\)$/;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;

/** Reads the `<rdf:RDF>` root element and its items. */
export const RDF_READER: FeedReader = {
  noun: 'item',
  readHead(rdf) {
    const channel = child(rdf, 'channel');
    const link = text(channel?.['link']);
    if (!isArxivUrl(link))
      throw new FeedFormatError(`an RSS 1.0 feed, but not from arXiv (channel link "${link ?? ''}")`);
    // dc:date is the announcement evening, e.g. 2021-07-08T20:30:00-05:00. We date digests by the
    // feed day, which RSS 2.0 puts at the following midnight (FORMATS.md §5): the next calendar day.
    const date = text(channel?.['dc:date']);
    const day = date === undefined ? undefined : ISO_DATE.exec(date)?.[1];
    if (date !== undefined && (day === undefined || parseDay(day) === undefined))
      throw new FeedFormatError(`unreadable channel dc:date "${date}"`);
    return day === undefined ? {} : { announcedOn: addDays(day, 1) };
  },
  readItem: (item) => parseRdfItem(item),
};

function parseRdfItem(item: XmlNode): PaperRecord {
  const fullTitle = text(item['title']) ?? '';
  const suffix = TITLE_SUFFIX.exec(fullTitle);
  // Without the title suffix, the item's rdf:about (the abs URL, no version) still names the paper.
  const rawId = suffix?.[1] ?? attr(item, 'rdf:about') ?? text(item['link']) ?? '';
  const ref = parseArxivId(rawId);
  if (!ref) throw new ItemError(`invalid arXiv id "${rawId}"`);
  const paper: PaperRecord = {
    id: ref.id,
    version: ref.version,
    title: suffix ? fullTitle.slice(0, suffix.index).trim() : fullTitle,
    abstract: text(item['description']) ?? '',
    // dc:creator holds escaped HTML: one decode by the XML layer yields the <a> markup.
    authors: extractLinkedNames(text(item['dc:creator']) ?? ''),
    categories: suffix?.[2] ? [suffix[2]] : [],
    announceType: toAnnounceType(suffix?.[3]),
  };
  return paper;
}

function toAnnounceType(marker: string | undefined): AnnounceType {
  if (marker === 'CROSS LISTED') return 'cross';
  if (marker === 'UPDATED') return 'replace';
  return 'new';
}
