// One entry point for every arXiv wire format: check, detect from the root element, dispatch.
// A feed is read a batch of items at a time (parseFeedStream), so its parsed tree is never held
// whole; an invalid item is left out with a one-line reason naming it, the rest is kept; a feed
// whose every item is invalid is refused.
import type { FeedFormat, PaperRecord, ParsedFeed, SkippedItem } from '../types.ts';
import { ATOM_READER } from './atom.ts';
import { FeedError, FeedFormatError, ItemError } from './errors.ts';
import type { FeedHead, FeedReader } from './feed-reader.ts';
import { OAI_READER } from './oai.ts';
import { RDF_READER } from './rdf.ts';
import { RSS_READER } from './rss.ts';
import { findDayProblem, findPaperProblem } from './validate.ts';
import { attr, parseXmlDocument, type XmlDocument, type XmlNode } from './xml.ts';
import { firstLineOf } from '../text/first-line.ts';

export type { FeedHead } from './feed-reader.ts';

const READERS: Record<FeedFormat, FeedReader> = {
  rss: RSS_READER,
  rdf: RDF_READER,
  atom: ATOM_READER,
  oai: OAI_READER,
};
/**
 * Items parsed at once: small enough that a batch's tree dies young, and its text (100 KB) stays a
 * young object: over 128 KB V8 keeps a string in its large-object space until a full collection.
 * 25 to 100 cost the same per item; 200 cost 10% more, and a third more memory on an import.
 */
export const BATCH = 50;

export interface FeedStream {
  head: FeedHead;
  /** The valid papers in batches, in document order. Throws a FeedError when no item is valid. */
  chunks(): Generator<PaperRecord[]>;
  /** Items left out so far (all of them once chunks() is done). */
  skipped: SkippedItem[];
}

/**
 * Parses an RSS 2.0, legacy RDF, API Atom or OAI-PMH document from arXiv, whole.
 * `source` (a URL or file name) only labels errors. Every failure is a FeedError whose
 * message is `<source>: <reason>` on one line.
 */
export function parseFeed(xml: string, source: string): ParsedFeed {
  const stream = parseFeedStream(xml, source);
  const papers = [...stream.chunks()].flat();
  return { ...stream.head, papers, ...(stream.skipped.length > 0 && { skipped: stream.skipped }) };
}

/** The same, a batch of papers at a time. */
export function parseFeedStream(xml: string, source: string): FeedStream {
  return asFeedError(source, () => {
    const doc = parseXmlDocument(xml);
    const format = detectFeedFormat(doc.rootName, doc.root);
    if (format === undefined) throw new FeedFormatError(`not an arXiv feed (root element <${doc.rootName}>)`);
    const reader = READERS[format];
    const firstBatch = doc.items(1).next();
    const first = firstBatch.done === true ? undefined : firstBatch.value[0];
    const head: FeedHead = { format, ...reader.readHead(doc.root, first) };
    const problem = head.announcedOn === undefined ? undefined : findDayProblem(head.announcedOn, doc.itemCount);
    if (problem !== undefined) throw new FeedFormatError(problem);
    const skipped: SkippedItem[] = [];
    return { head, skipped, chunks: () => readChunks(doc, reader, source, skipped) };
  });
}

function* readChunks(
  doc: XmlDocument,
  reader: FeedReader,
  source: string,
  skipped: SkippedItem[],
): Generator<PaperRecord[]> {
  const batches = doc.items(BATCH);
  let n = 0;
  let kept = 0;
  for (;;) {
    const next = asFeedError(source, () => batches.next());
    if (next.done) break;
    const papers: PaperRecord[] = [];
    for (const node of next.value) {
      const outcome = readOne(reader, node, ++n);
      if (outcome === undefined) continue;
      if ('reason' in outcome) skipped.push(outcome);
      else papers.push(outcome);
    }
    kept += papers.length;
    if (papers.length > 0) yield papers;
  }
  if (kept === 0 && skipped.length > 0)
    throw new FeedError(source, `no valid ${reader.noun}: ${describeSkipped(skipped)}`);
}

/** A paper, a reason to leave the item out, or undefined for an item with nothing to store. */
function readOne(reader: FeedReader, node: XmlNode, n: number): PaperRecord | SkippedItem | undefined {
  let paper: PaperRecord | undefined;
  try {
    paper = reader.readItem(node, n);
  } catch (error) {
    if (error instanceof ItemError) return { item: `${reader.noun} ${n}`, reason: error.message };
    throw error;
  }
  if (paper === undefined) return undefined;
  const problem = findPaperProblem(paper);
  if (problem === undefined) return paper;
  return {
    item: `${reader.noun} ${n} (${paper.id}${paper.version === null ? '' : `v${paper.version}`})`,
    reason: problem,
  };
}

/** "item 1 (2604.21952v1): empty title; item 2: …" — the first few, then how many more. */
export function describeSkipped(skipped: readonly SkippedItem[], shown = 3): string {
  const listed = skipped.slice(0, shown).map((entry) => `${entry.item}: ${entry.reason}`);
  const more = skipped.length > shown ? `; and ${skipped.length - shown} more` : '';
  return `${listed.join('; ')}${more}`;
}

function asFeedError<T>(source: string, work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof FeedError) throw err;
    if (err instanceof FeedFormatError) throw new FeedError(source, err.message, { cause: err });
    // Anything else is a parser or adapter bug met on odd input: still one FeedError for the caller.
    const why = firstLineOf(err);
    throw new FeedError(source, `unexpected parse failure: ${why}`, { cause: err });
  }
}

/** Tells the format from the root element and its namespace; undefined if it is none of arXiv's. */
export function detectFeedFormat(rootName: string, root: XmlNode): FeedFormat | undefined {
  const ns = attr(root, 'xmlns');
  if (rootName === 'rss' && attr(root, 'version') === '2.0') return 'rss';
  if (rootName === 'rdf:RDF' && ns === 'http://purl.org/rss/1.0/') return 'rdf';
  if (rootName === 'feed' && ns === 'http://www.w3.org/2005/Atom') return 'atom';
  if (rootName === 'OAI-PMH' && ns === 'http://www.openarchives.org/OAI/2.0/') return 'oai';
  return undefined;
}
