// Domain types only. Wire formats live in src/fetcher/, SQL in src/store/.

/** arXiv's announce types, as in the RSS `arxiv:announce_type` element. */
export type AnnounceType = 'new' | 'cross' | 'replace' | 'replace-cross';

export const ANNOUNCE_TYPES: readonly AnnounceType[] = ['new', 'cross', 'replace', 'replace-cross'];

/** One paper as a wire format describes it: the metadata of one version. */
export interface PaperRecord {
  /** Bare arXiv id without version: `2604.01234` or `math/0601001`. */
  id: string;
  /** Version number, or null where the format does not say (OAI `arXiv` metadata). */
  version: number | null;
  /** Whitespace collapsed, entities decoded, LaTeX as written. */
  title: string;
  abstract: string;
  /** Author names in order, affiliations removed. */
  authors: string[];
  /** Primary category first. */
  categories: string[];
  comment?: string;
  journalRef?: string;
  doi?: string;
  license?: string;
  /** ISO 8601 timestamp of the first version, where the format gives it. */
  published?: string;
  /** ISO 8601 timestamp of this version, where the format gives it. */
  updated?: string;
  /** Only the RSS feed says how a paper was announced. */
  announceType?: AnnounceType;
}

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'oai';

/** An item of a feed that was left out, and why: `{ item: 'item 2 (2604.21953v1)', reason: 'no authors' }`. */
export interface SkippedItem {
  item: string;
  reason: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  /** Announcement day `YYYY-MM-DD` (RSS channel pubDate, in arXiv's time zone); API and OAI carry none. */
  announcedOn?: string;
  /** RSS lastBuildDate as ISO 8601. */
  builtAt?: string;
  papers: PaperRecord[];
  /** API paging (opensearch). */
  totalResults?: number;
  startIndex?: number;
  itemsPerPage?: number;
  /** OAI-PMH: the token for the next page; undefined on the last page. */
  resumptionToken?: string;
  /** Invalid items left out (the rest is stored); absent when there is none. */
  skipped?: SkippedItem[];
}

/** A starred author as configured in config/authors.json. */
export interface StarredAuthor {
  /** Stable slug, e.g. `yoshua-bengio`. */
  id: string;
  /** Canonical name as the author signs on arXiv. */
  name: string;
  variants: string[];
  /** Names that must never match this author. */
  not: string[];
  /** arXiv's public author identifier (`https://arxiv.org/a/<id>`): its Atom feed lists the author's papers. */
  arxiv?: string;
}

export type Confidence = 'exact' | 'likely';

/** Why a paper is flagged: one starred author, as written on the paper. */
export interface StarredMatch {
  authorId: string;
  name: string;
  as: string;
  confidence: Confidence;
}

/** A paper as the store returns it for a digest day: the latest metadata, this day's announcement. */
export interface DigestPaper extends Pick<
  PaperRecord,
  'id' | 'version' | 'title' | 'abstract' | 'authors' | 'categories' | 'comment' | 'journalRef' | 'doi'
> {
  announceType: AnnounceType;
  starred: StarredMatch[];
}

/** A paper with the day of one of its announcements (a replacement is announced again). */
export interface AnnouncedPaper extends DigestPaper {
  day: string;
}

/** Finds the starred authors among a paper's author names. */
export type FlagPaper = (authors: string[]) => StarredMatch[];

/** The validators remembered for a URL (RFC 9110 §8.8), sent back as a conditional GET. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** One item of a followed feed other than arXiv (a blog post), as its wire format gives it: not a paper. */
export interface FeedItemRecord {
  /** The feed's own id for it: guid, Atom id or JSON Feed id, else its URL. */
  id: string;
  /** Plain text, markup removed. */
  title: string;
  url?: string;
  /** Plain text, markup removed, shortened. */
  summary: string;
  /** ISO 8601, where the feed dates it. */
  published?: string;
}

/** A stored item of a followed feed, with the feed it came from and when it was first seen. */
export interface SourceItem extends FeedItemRecord {
  feedId: string;
  feedTitle: string;
  firstSeen: string;
  /** The announcement day it was first seen for (its digest lists it under "From the blogs"). */
  day: string;
}

/** One paper of Hugging Face's Daily Papers on one date, with its counts. */
export interface PopularityRecord {
  /** arXiv id without version. */
  paperId: string;
  title: string;
  upvotes: number;
  comments?: number;
  githubRepo?: string;
  githubStars?: number;
}

/** What starring (or unstarring) an author did: the answer of `POST /papers/<id>/star`. */
export interface StarResult {
  authorId: string;
  name: string;
  starred: boolean;
  /** Papers flagged after the change (all stored papers are re-flagged). */
  reflagged: number;
  /** Stored papers this author's entry flags: after starring, or before unstarring. */
  papers: number;
}
