// arXiv API (export.arxiv.org/api/query) Atom -> ParsedFeed (FORMATS.md §3).
// Both the 2016 and the 2026 serialisations: elements are read by name, never by position.
import type { PaperRecord, ParsedFeed } from '../types.ts';
import { FeedFormatError } from './errors.ts';
import { isArxivUrl, parseArxivId } from './ids.ts';
import { attr, child, children, text, type XmlNode } from './xml.ts';

const COUNT = /^\d+$/;

/** Parses the `<feed xmlns="http://www.w3.org/2005/Atom">` root element of an API response. */
export function parseAtomFeed(feed: XmlNode): ParsedFeed {
  const entries = children(feed['entry']);
  refuseApiError(entries);
  refuseForeignAtom(feed, entries);
  const out: ParsedFeed = { format: 'atom', papers: entries.map((e, i) => parseAtomEntry(e, i + 1)) };
  const total = readCount(feed, 'opensearch:totalResults');
  const start = readCount(feed, 'opensearch:startIndex');
  const perPage = readCount(feed, 'opensearch:itemsPerPage');
  if (total !== undefined) out.totalResults = total;
  if (start !== undefined) out.startIndex = start;
  if (perPage !== undefined) out.itemsPerPage = perPage;
  return out;
}

/** API errors are one entry titled `Error` with an `/api/errors#…` id; counts are no guide (FORMATS.md §3 Errors). */
function refuseApiError(entries: XmlNode[]): void {
  for (const entry of entries) {
    const id = text(entry['id']) ?? '';
    if (text(entry['title']) === 'Error' && id.includes('/api/errors')) {
      throw new FeedFormatError(`arXiv API error: ${text(entry['summary']) ?? id}`);
    }
  }
}

function refuseForeignAtom(feed: XmlNode, entries: XmlNode[]): void {
  // The rss.arxiv.org Atom flavour carries RSS-style entries (FORMATS.md §1 Atom flavour, no capture
  // exists): reading it as an API response would yield papers without authors, so say so instead.
  if (entries.some((e) => e['arxiv:announce_type'] !== undefined)) {
    throw new FeedFormatError('an rss.arxiv.org Atom feed, which is not supported; use the /rss/ URL');
  }
  const id = text(feed['id']);
  if (!isArxivUrl(id)) throw new FeedFormatError(`an Atom feed, but not from the arXiv API (feed id "${id ?? ''}")`);
}

function parseAtomEntry(entry: XmlNode, n: number): PaperRecord {
  const rawId = text(entry['id']) ?? '';
  const ref = parseArxivId(rawId);
  if (!ref) throw new FeedFormatError(`entry ${n}: invalid arXiv id "${rawId}"`);
  const paper: PaperRecord = {
    id: ref.id,
    version: ref.version,
    title: text(entry['title']) ?? '',
    abstract: text(entry['summary']) ?? '',
    // author/name only: arxiv:affiliation is dropped (PaperRecord.authors has no affiliations).
    authors: children(entry['author'])
      .map((a) => text(a['name']))
      .filter((a): a is string => a !== undefined),
    categories: readCategories(entry),
  };
  const optional = {
    comment: text(entry['arxiv:comment']),
    journalRef: text(entry['arxiv:journal_ref']),
    doi: text(entry['arxiv:doi']),
    published: text(entry['published']),
    updated: text(entry['updated']),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) paper[key as keyof typeof optional] = value;
  }
  return paper;
}

/** arxiv:primary_category first, then every category term in document order, without repeats. */
function readCategories(entry: XmlNode): string[] {
  const terms: string[] = [];
  const primary = attr(child(entry, 'arxiv:primary_category'), 'term');
  if (primary !== undefined) terms.push(primary);
  for (const category of children(entry['category'])) {
    const term = attr(category, 'term');
    if (term !== undefined && term !== '' && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

function readCount(feed: XmlNode, name: string): number | undefined {
  const raw = text(feed[name]);
  if (raw === undefined) return undefined;
  if (!COUNT.test(raw)) throw new FeedFormatError(`unreadable ${name} "${raw}"`);
  return Number(raw);
}
