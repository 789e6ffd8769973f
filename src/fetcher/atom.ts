// arXiv API (export.arxiv.org/api/query) Atom -> ParsedFeed (FORMATS.md §3).
// Both the 2016 and the 2026 serialisations: elements are read by name, never by position.
import type { PaperRecord } from '../types.ts';
import { FeedFormatError, ItemError } from './errors.ts';
import type { FeedReader } from './feed-reader.ts';
import { isArxivUrl, parseArxivId } from './ids.ts';
import { attr, child, children, text, type XmlNode } from './xml.ts';

const COUNT = /^\d+$/;

/** Reads the `<feed xmlns="http://www.w3.org/2005/Atom">` root element of an API response and its entries. */
export const ATOM_READER: FeedReader = {
  noun: 'entry',
  readHead(feed, first) {
    refuseApiError(first);
    refuseForeignAtom(feed, first);
    const total = readCount(feed, 'opensearch:totalResults');
    const start = readCount(feed, 'opensearch:startIndex');
    const perPage = readCount(feed, 'opensearch:itemsPerPage');
    return {
      ...(total !== undefined && { totalResults: total }),
      ...(start !== undefined && { startIndex: start }),
      ...(perPage !== undefined && { itemsPerPage: perPage }),
    };
  },
  readItem: (entry) => parseAtomEntry(entry),
};

/** API errors are one entry titled `Error` with an `/api/errors#…` id; counts are no guide (FORMATS.md §3 Errors). */
function refuseApiError(entry: XmlNode | undefined): void {
  const id = text(entry?.['id']) ?? '';
  if (entry !== undefined && text(entry['title']) === 'Error' && id.includes('/api/errors')) {
    throw new FeedFormatError(`arXiv API error: ${text(entry['summary']) ?? id}`);
  }
}

function refuseForeignAtom(feed: XmlNode, first: XmlNode | undefined): void {
  // The rss.arxiv.org Atom flavour carries RSS-style entries (FORMATS.md §1 Atom flavour, no capture
  // exists): reading it as an API response would yield papers without authors, so say so instead.
  if (first?.['arxiv:announce_type'] !== undefined) {
    throw new FeedFormatError('an rss.arxiv.org Atom feed, which is not supported; use the /rss/ URL');
  }
  const id = text(feed['id']);
  if (!isArxivUrl(id)) throw new FeedFormatError(`an Atom feed, but not from the arXiv API (feed id "${id ?? ''}")`);
}

function parseAtomEntry(entry: XmlNode): PaperRecord {
  const rawId = text(entry['id']) ?? '';
  const ref = parseArxivId(rawId);
  if (!ref) throw new ItemError(`invalid arXiv id "${rawId}"`);
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
