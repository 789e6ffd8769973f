// One entry point for every arXiv wire format: check, detect from the root element, dispatch.
import type { FeedFormat, ParsedFeed } from '../types.ts';
import { parseAtomFeed } from './atom.ts';
import { FeedError, FeedFormatError } from './errors.ts';
import { parseOaiResponse } from './oai.ts';
import { parseRdfFeed } from './rdf.ts';
import { parseRssFeed } from './rss.ts';
import { attr, parseXmlDocument, type XmlNode } from './xml.ts';

const PARSERS: Record<FeedFormat, (root: XmlNode) => ParsedFeed> = {
  rss: parseRssFeed,
  rdf: parseRdfFeed,
  atom: parseAtomFeed,
  oai: parseOaiResponse,
};

/**
 * Parses an RSS 2.0, legacy RDF, API Atom or OAI-PMH document from arXiv.
 * `source` (a URL or file name) only labels errors. Every failure is a FeedError whose
 * message is `<source>: <reason>` on one line; a feed with one bad item is refused whole.
 */
export function parseFeed(xml: string, source: string): ParsedFeed {
  try {
    const { rootName, root } = parseXmlDocument(xml);
    const format = detectFeedFormat(rootName, root);
    if (format === undefined) throw new FeedFormatError(`not an arXiv feed (root element <${rootName}>)`);
    return PARSERS[format](root);
  } catch (err) {
    if (err instanceof FeedFormatError) throw new FeedError(source, err.message, { cause: err });
    // Anything else is a parser or adapter bug met on odd input: still one FeedError for the caller.
    const why = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
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
