// How each wire format is read (rss.ts, rdf.ts, atom.ts, oai.ts): the feed's own facts from the
// root without its items, then one item at a time, so a feed is never held as one parsed tree.
import type { ParsedFeed, PaperRecord } from '../types.ts';
import type { XmlNode } from './xml.ts';

export type FeedHead = Omit<ParsedFeed, 'papers' | 'skipped'>;

export interface FeedReader {
  /** What the format calls an item in messages: `item 3`, `entry 3`, `record 3`. */
  noun: 'item' | 'entry' | 'record';
  /**
   * The feed's own facts; `first` is its first item (a fallback for the RSS day, the API's error
   * entry). Throws FeedFormatError when the feed as a whole must be refused.
   */
  readHead(root: XmlNode, first: XmlNode | undefined): Omit<FeedHead, 'format'>;
  /** One item (numbered from 1); throws ItemError to leave it out; undefined: nothing to store (a tombstone). */
  readItem(node: XmlNode, n: number): PaperRecord | undefined;
}
