// rss.arxiv.org RSS 2.0 -> ParsedFeed (FORMATS.md §1).
import { ANNOUNCE_TYPES, type AnnounceType, type PaperRecord } from '../types.ts';
import { FeedFormatError, ItemError } from './errors.ts';
import type { FeedReader } from './feed-reader.ts';
import { isArxivUrl, parseArxivId, type ArxivIdParts } from './ids.ts';
import { splitCreators } from './names.ts';
import { child, children, text, type XmlNode } from './xml.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// RFC 822 as arXiv writes it: `Mon, 27 Apr 2026 00:00:00 -0400`.
const RFC822 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d\d):(\d\d)(?::(\d\d))?\s+([+-]\d{4}|GMT|UTC?|Z)$/;
const DESCRIPTION_ID = /^arXiv:(\S+)/;
const DESCRIPTION_TYPE = /Announce Type:\s*([a-z-]+)/;

/** Reads the `<rss version="2.0">` root element and its items. */
export const RSS_READER: FeedReader = {
  noun: 'item',
  readHead(rss, first) {
    const channel = child(rss, 'channel');
    if (!channel) throw new FeedFormatError('RSS without <channel>');
    const title = text(channel['title']) ?? '';
    // Invalid categories give HTTP 400 with a normal RSS document (FORMATS.md §1 Errors).
    if (title.startsWith('Feed error for query')) {
      throw new FeedFormatError(`arXiv feed error: ${text(channel['description']) ?? title}`);
    }
    const link = text(channel['link']);
    if (!isArxivUrl(link)) throw new FeedFormatError(`an RSS feed, but not from arXiv (channel link "${link ?? ''}")`);
    const announcedOn = readAnnounceDay(channel, first);
    // lastBuildDate is informational: an unreadable one is left out rather than refusing the feed.
    const built = readRfc822(text(channel['lastBuildDate']));
    return {
      ...(announcedOn !== undefined && { announcedOn }),
      ...(built !== undefined && { builtAt: built.iso }),
    };
  },
  readItem: (item) => parseRssItem(item),
};

/**
 * The feed day is the channel pubDate's calendar date as written, in its own offset (midnight
 * US Eastern, FORMATS.md §1 Update time); a UTC conversion could move it to another day.
 */
function readAnnounceDay(channel: XmlNode, firstItem: XmlNode | undefined): string | undefined {
  const raw = text(channel['pubDate']) ?? (firstItem && text(firstItem['pubDate']));
  if (raw === undefined) return undefined;
  const parsed = readRfc822(raw);
  if (!parsed) throw new FeedFormatError(`unreadable channel pubDate "${raw}"`);
  return parsed.date;
}

function parseRssItem(item: XmlNode): PaperRecord {
  const description = text(item['description']) ?? '';
  const ref = readItemId(item, description);
  const paper: PaperRecord = {
    id: ref.id,
    version: ref.version,
    title: text(item['title']) ?? '',
    abstract: readAbstract(description),
    authors: splitCreators(text(item['dc:creator']) ?? ''),
    categories: children(item['category'])
      .map((c) => text(c))
      .filter((c): c is string => c !== undefined),
    announceType: readAnnounceType(item, description),
  };
  const doi = text(item['arxiv:DOI']);
  const journalRef = text(item['arxiv:journal_reference']);
  const license = text(item['dc:rights']);
  if (doi !== undefined) paper.doi = doi;
  if (journalRef !== undefined) paper.journalRef = journalRef;
  if (license !== undefined) paper.license = license;
  return paper;
}

/** guid `oai:arXiv.org:<id>vN`, else the `arXiv:<id>vN` that opens the description. */
function readItemId(item: XmlNode, description: string): ArxivIdParts {
  const raw = text(item['guid']) ?? DESCRIPTION_ID.exec(description)?.[1];
  const parsed = raw === undefined ? undefined : parseArxivId(raw);
  if (!parsed) throw new ItemError(`invalid arXiv id "${raw ?? ''}"`);
  return parsed;
}

function readAnnounceType(item: XmlNode, description: string): AnnounceType {
  const raw = text(item['arxiv:announce_type']) ?? DESCRIPTION_TYPE.exec(description)?.[1];
  const found = ANNOUNCE_TYPES.find((t) => t === raw);
  if (!found) throw new ItemError(`unknown announce type "${raw ?? ''}"`);
  return found;
}

/** The description is `arXiv:<id>vN Announce Type: <t> \nAbstract: <text>`; keep what follows the first "Abstract:". */
function readAbstract(description: string): string {
  const at = description.indexOf('Abstract:');
  return at === -1 ? description : description.slice(at + 'Abstract:'.length).trim();
}

interface Rfc822 {
  /** Calendar date as written, `YYYY-MM-DD`. */
  date: string;
  /** The instant in UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  iso: string;
}

/** Reads an RFC 822 date; undefined if absent or unreadable. */
function readRfc822(raw: string | undefined): Rfc822 | undefined {
  const m = raw === undefined ? null : RFC822.exec(raw);
  if (!m) return undefined;
  const [, d, mon, y, hh, mi, ss, zone] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const month = MONTHS.findIndex((name) => name.toLowerCase() === mon.toLowerCase());
  const day = Number(d);
  // Date.UTC rolls 31 Feb over into March: such a date is refused, not moved.
  if (month === -1 || new Date(Date.UTC(Number(y), month, day)).getUTCDate() !== day) return undefined;
  const offsetMin = /^[+-]/.test(zone)
    ? (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3)))
    : 0;
  const utc = Date.UTC(Number(y), month, day, Number(hh), Number(mi), Number(ss ?? 0)) - offsetMin * 60_000;
  const date = `${y}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { date, iso: new Date(utc).toISOString().replace('.000Z', 'Z') };
}
