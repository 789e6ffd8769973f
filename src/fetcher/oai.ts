// OAI-PMH ListRecords / GetRecord with metadataPrefix=arXiv -> ParsedFeed (FORMATS.md §4).
import type { PaperRecord } from '../types.ts';
import { FeedFormatError, ItemError } from './errors.ts';
import type { FeedHead, FeedReader } from './feed-reader.ts';
import { parseArxivId } from './ids.ts';
import { buildAuthorName } from './names.ts';
import { attr, child, children, isNode, text, type XmlNode } from './xml.ts';

/** Reads the `<OAI-PMH>` root element and its records. */
export const OAI_READER: FeedReader = {
  noun: 'record',
  readHead(oai) {
    const errors = children(oai['error']);
    if (errors.length > 0) return readOaiErrors(errors);
    // Without its records (read one batch at a time), the list may be empty: present is what counts.
    const list: unknown = oai['ListRecords'] ?? oai['GetRecord'];
    if (list === undefined) throw new FeedFormatError('OAI-PMH response without ListRecords or GetRecord');
    // The last page has an empty <resumptionToken/> (with attributes in 2016), or none at all.
    const token = isNode(list) ? text(list['resumptionToken']) : undefined;
    return token === undefined ? {} : { resumptionToken: token };
  },
  readItem(record) {
    // Deleted records are kept by arXiv as tombstones ("persistent", FORMATS.md §4): nothing to ingest.
    if (attr(child(record, 'header'), 'status') === 'deleted') return undefined;
    return parseOaiRecord(record);
  },
};

/** `noRecordsMatch` is the normal answer for an empty `from` window; any other error is a failure. */
function readOaiErrors(errors: XmlNode[]): Omit<FeedHead, 'format'> {
  const real = errors.find((e) => attr(e, 'code') !== 'noRecordsMatch');
  if (!real) return {};
  const code = attr(real, 'code') ?? 'unknown';
  throw new FeedFormatError(`OAI-PMH error ${code}: ${text(real) ?? '(no message)'}`);
}

function parseOaiRecord(record: XmlNode): PaperRecord {
  const meta = readArxivMetadata(record);
  const rawId = text(child(record, 'header')?.['identifier']) ?? text(meta['id']) ?? '';
  const ref = parseArxivId(rawId);
  if (!ref) throw new ItemError(`invalid arXiv id "${rawId}"`);
  const created = text(meta['created']);
  const updated = text(meta['updated']);
  const paper: PaperRecord = {
    id: ref.id,
    // The arXiv format describes the latest version without numbering it. With no <updated>
    // the paper was never replaced, so the latest version is v1; otherwise we cannot tell.
    version: updated === undefined ? 1 : null,
    title: text(meta['title']) ?? '',
    abstract: text(meta['abstract']) ?? '',
    authors: readOaiAuthors(meta),
    categories: (text(meta['categories']) ?? '').split(' ').filter((c) => c !== ''),
  };
  const optional = {
    comment: text(meta['comments']),
    journalRef: text(meta['journal-ref']),
    doi: text(meta['doi']),
    license: text(meta['license']),
    published: created,
    updated: updated ?? created,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) paper[key as keyof typeof optional] = value;
  }
  return paper;
}

function readArxivMetadata(record: XmlNode): XmlNode {
  const metadata = child(record, 'metadata');
  const meta = child(metadata, 'arXiv');
  if (meta) return meta;
  const found = metadata ? Object.keys(metadata).find((k) => !k.startsWith('@_')) : undefined;
  throw new ItemError(`metadata is not metadataPrefix=arXiv (found <${found ?? 'nothing'}>)`);
}

function readOaiAuthors(meta: XmlNode): string[] {
  return children(child(meta, 'authors')?.['author'])
    .map((a) =>
      buildAuthorName({ keyname: text(a['keyname']), forenames: text(a['forenames']), suffix: text(a['suffix']) }),
    )
    .filter((name) => name !== '');
}
