// OAI-PMH ListRecords / GetRecord with metadataPrefix=arXiv -> ParsedFeed (FORMATS.md §4).
import type { PaperRecord, ParsedFeed } from '../types.ts';
import { FeedFormatError } from './errors.ts';
import { parseArxivId } from './ids.ts';
import { buildAuthorName } from './names.ts';
import { attr, child, children, text, type XmlNode } from './xml.ts';

/** Parses the `<OAI-PMH>` root element. */
export function parseOaiResponse(oai: XmlNode): ParsedFeed {
  const errors = children(oai['error']);
  if (errors.length > 0) return readOaiErrors(errors);
  const list = child(oai, 'ListRecords') ?? child(oai, 'GetRecord');
  if (!list) throw new FeedFormatError('OAI-PMH response without ListRecords or GetRecord');
  const papers: PaperRecord[] = [];
  children(list['record']).forEach((record, i) => {
    // Deleted records are kept by arXiv as tombstones ("persistent", FORMATS.md §4): nothing to ingest.
    if (attr(child(record, 'header'), 'status') === 'deleted') return;
    papers.push(parseOaiRecord(record, i + 1));
  });
  const feed: ParsedFeed = { format: 'oai', papers };
  // The last page has an empty <resumptionToken/> (with attributes in 2016), or none at all.
  const token = text(list['resumptionToken']);
  if (token !== undefined) feed.resumptionToken = token;
  return feed;
}

/** `noRecordsMatch` is the normal answer for an empty `from` window; any other error is a failure. */
function readOaiErrors(errors: XmlNode[]): ParsedFeed {
  const real = errors.find((e) => attr(e, 'code') !== 'noRecordsMatch');
  if (!real) return { format: 'oai', papers: [] };
  const code = attr(real, 'code') ?? 'unknown';
  throw new FeedFormatError(`OAI-PMH error ${code}: ${text(real) ?? '(no message)'}`);
}

function parseOaiRecord(record: XmlNode, n: number): PaperRecord {
  const meta = readArxivMetadata(record, n);
  const rawId = text(child(record, 'header')?.['identifier']) ?? text(meta['id']) ?? '';
  const ref = parseArxivId(rawId);
  if (!ref) throw new FeedFormatError(`record ${n}: invalid arXiv id "${rawId}"`);
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

function readArxivMetadata(record: XmlNode, n: number): XmlNode {
  const metadata = child(record, 'metadata');
  const meta = child(metadata, 'arXiv');
  if (meta) return meta;
  const found = metadata ? Object.keys(metadata).find((k) => !k.startsWith('@_')) : undefined;
  throw new FeedFormatError(`record ${n}: metadata is not metadataPrefix=arXiv (found <${found ?? 'nothing'}>)`);
}

function readOaiAuthors(meta: XmlNode): string[] {
  return children(child(meta, 'authors')?.['author'])
    .map((a) =>
      buildAuthorName({ keyname: text(a['keyname']), forenames: text(a['forenames']), suffix: text(a['suffix']) }),
    )
    .filter((name) => name !== '');
}
