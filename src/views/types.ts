// The view model: what every output (page, text, JSON, feeds, mail) renders. Renderers import
// their types from here and nothing from the store, the fetcher, the jobs or the scheduler.
import type { AnnounceType, DigestPaper, StarredAuthor, StarredMatch } from '../types.ts';

export type { AnnounceType, StarredAuthor, StarredMatch };

export interface PaperLinks {
  /** The paper's page (its latest version). */
  abs: string;
  /** The page of the announced version. */
  version: string;
  pdf: string;
  html: string;
}

/** One paper as shown: its stored metadata, flags, and how its source names and links it. */
export interface PaperView extends DigestPaper, SourceRef {}

/** A paper with the day of the announcement it is listed for (feeds, author pages). */
export interface AnnouncedPaperView extends PaperView {
  day: string;
}

export type SectionId = 'starred' | AnnounceType;

/**
 * How a section lists its papers: `full` with everything, `grouped` compact lines under a heading
 * per primary category, `titles` linked titles only. `collapsed` sections start folded.
 */
export type SectionLayout = 'full' | 'grouped' | 'titles';

export interface SectionView {
  id: SectionId;
  heading: string;
  layout: SectionLayout;
  collapsed: boolean;
  /** Said when the section has no paper; a section without it is left out when empty. */
  empty?: string;
  papers: PaperView[];
}

export interface DigestCounts {
  total: number;
  starred: number;
  /** Papers per announce type in the source's order, zeros included. */
  byType: { type: AnnounceType; count: number }[];
  /** Papers per primary category, most first. */
  byCategory: { category: string; count: number }[];
}

export interface DigestView {
  /** Announcement day `YYYY-MM-DD`. */
  date: string;
  /** Every paper of the day in the source's order. */
  papers: PaperView[];
  /** Starred papers first, then one section per announce type without them (empty ones included). */
  sections: SectionView[];
  counts: DigestCounts;
  /** The page resolves paper links relative to this (its `<base>`): a short href per paper. */
  linkBase: string;
}

/** Why a day has no digest: arXiv announced nothing, or we do not have it (yet). */
export type NoDigestKind = 'weekend' | 'holiday' | 'empty' | 'not-fetched' | 'future' | 'nothing-stored';

/** The digest of one day, or why there is none, with the nearest days that have papers. */
export interface DayDigest {
  day: string;
  kind: 'digest' | NoDigestKind;
  view: DigestView;
  previous?: string;
  next?: string;
}

/** What the scheduler says about itself (nothing without one). */
export interface StatusView {
  /** ISO timestamp of the next scheduled fetch. */
  nextRunAt?: string;
  /** What the scheduler is doing now, e.g. "Fetching the last 7 announcement days: 3/7". */
  activity?: string;
}

/** The last fetch, for the notice on day pages. */
export interface FetchRunView {
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

/** How a source names and links a paper version. */
export interface SourceRef {
  /** e.g. `arXiv:2611.01234v2`. */
  label: string;
  links: PaperLinks;
}

/** Text with its matches: renderers escape each part and mark the matched ones. */
export type MarkedText = { text: string; match: boolean }[];

export interface SearchHitView extends SourceRef {
  id: string;
  title: MarkedText;
  /** Every author, each with the matched words marked. */
  authors: MarkedText[];
  /** A piece of the abstract around the matches, `…` where cut. */
  snippet: MarkedText;
  categories: string[];
  /** Latest announcement day of the paper, if any. */
  day: string | null;
  starred: StarredMatch[];
  /** Saved by the user (issue 11); false until papers can be saved. */
  saved: boolean;
}

/** A stored paper opened by its id: all of it. */
export interface FoundPaperView extends SourceRef {
  id: string;
  title: string;
  authors: string[];
  abstract: string;
  comment: string | null;
  categories: string[];
  day: string | null;
  starred: StarredMatch[];
  saved: boolean;
}

export type SearchSortView = 'relevance' | 'date';

/** The search form as the user left it (the URL's parameters). */
export interface SearchFormView {
  q: string;
  sort: SearchSortView | '';
  category: string;
  from: string;
  to: string;
  starred: boolean;
}

export interface SearchResultsView {
  kind: 'results';
  /** Papers that match, up to 5,000. */
  total: number;
  /** More than `total` match. */
  more: boolean;
  /** Set when only the newest this many matches were ranked by relevance (there were more). */
  rankedAmong?: number;
  /** Only the first words were searched (a long query). */
  truncated: boolean;
  sort: SearchSortView;
  page: number;
  pages: number;
  /** The rank of the page's first hit (21 on page 2). */
  first: number;
  hits: SearchHitView[];
  /** Site-relative URLs (`/search?…`) of the pages and sorts of this search. */
  links: { previous?: string; next?: string; relevance: string; date: string };
}

export type SearchOutcome =
  | { kind: 'form' }
  | { kind: 'error'; message: string }
  | { kind: 'paper'; paper: FoundPaperView; asked: string }
  | { kind: 'missing'; label: string; link: string }
  | SearchResultsView;

export interface SearchView {
  form: SearchFormView;
  outcome: SearchOutcome;
  /** As DigestView.linkBase. */
  linkBase: string;
}

export interface AuthorPageView {
  author: StarredAuthor;
  /** The author's papers, newest announcement first. */
  papers: AnnouncedPaperView[];
  /** As DigestView.linkBase. */
  linkBase: string;
}
