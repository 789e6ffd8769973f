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

/** What the reader did with a paper, and what the ranking makes of it. */
export interface TriageView {
  /** Saved to the library, or hidden (not interested). */
  mark?: 'saved' | 'hidden';
  /** The ranking's score, 0 to 1 (higher is more for you); absent without a trained model. */
  score?: number;
  /** One line: "like 3 saved papers: diffusion, policy, robot", "co-author of Pieter Abbeel". */
  why?: string;
  /** Starred authors this paper's authors wrote stored papers with (the second circle). */
  circle?: string[];
  /** Slugs of the keyword watches it matches. */
  watches?: string[];
}

/** One paper as shown: its stored metadata (primary category first), flags, and how its source names and links it. */
export interface PaperView extends DigestPaper, SourceRef, TriageView {
  /** How many authors to list before "and N more" (all of them for a short list). */
  shownAuthors: number;
}

/** A paper with the day of the announcement it is listed for (feeds, author pages). */
export interface AnnouncedPaperView extends PaperView {
  day: string;
}

export type SectionId = 'starred' | AnnounceType;

/** The papers of a section listed in one category, e.g. the new submissions in stat.ML. */
export interface GroupView {
  /** In-page anchor, unique on the page, e.g. `new-stat.ML`. */
  id: string;
  category: string;
  papers: PaperView[];
}

export interface SectionView {
  /** In-page anchor. */
  id: SectionId;
  heading: string;
  /** The section starts folded (replacements: seen before). */
  collapsed: boolean;
  /** Abstracts start open (starred papers), else one tap away. */
  abstractsOpen: boolean;
  /** Said when the section has no paper; a section without it is left out when empty. */
  empty?: string;
  papers: PaperView[];
  /** The same papers by the category they are listed in, most papers first; none for a short section. */
  groups: GroupView[];
}

export interface DigestCounts {
  /** Papers shown (after the category filter). */
  total: number;
  starred: number;
  /** Papers per announce type in the source's order, zeros included, starred ones counted too. */
  byType: { type: AnnounceType; count: number }[];
}

/** The category filter of a digest: which categories are shown, and how many papers the day has in all. */
export interface DigestFilter {
  /** Shown categories; empty shows every paper. */
  only: string[];
  /** The categories one may filter by (the curated ones). */
  choices: string[];
  /** Papers of the day before filtering. */
  dayTotal: number;
}

/** "For you": the day's best-scored papers that are not by starred authors, or why there is no ranking. */
export interface ForYouView {
  /** `untrained`: nothing to learn from yet (no saved paper, no starred author's paper stored). */
  status: 'ranked' | 'untrained';
  papers: PaperView[];
}

/** A keyword watch and the day's papers it matches. */
export interface WatchView {
  slug: string;
  query: string;
  mail: boolean;
  papers: PaperView[];
}

/** How the day is listed: `sort=score` orders each section by score; `hidden=1` shows hidden papers. */
export interface DigestOrder {
  sort: 'arxiv' | 'score';
  showHidden: boolean;
  /** Hidden papers of the day (left out unless shown). */
  hidden: number;
}

export interface DigestView {
  /** Announcement day `YYYY-MM-DD`. */
  date: string;
  forYou: ForYouView;
  watches: WatchView[];
  order: DigestOrder;
  /** Every paper of the day in the source's order. */
  papers: PaperView[];
  /** Starred papers first, then one section per announce type without them (empty ones included). */
  sections: SectionView[];
  counts: DigestCounts;
  filter: DigestFilter;
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

/** Who may write: anyone on a loopback server, token holders elsewhere, or nobody (no token set). */
export type WritePolicy = 'open' | 'token' | 'read-only';

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

export interface SearchHitView extends SourceRef {
  id: string;
  title: string;
  authors: string[];
  categories: string[];
  /** Latest announcement day of the paper, if any. */
  day: string | null;
}

export interface SearchView {
  query: string;
  hits: SearchHitView[];
}

export interface AuthorPageView {
  author: StarredAuthor;
  /** The author's papers, newest announcement first. */
  papers: AnnouncedPaperView[];
}
