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
  /** The ranking's score: the chance the reader saves this paper, 0 to 1 (rank/cutoff.ts reads it so); absent without a trained model. */
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
  /** Its primary category, when none of its categories is curated (a starred author's upload elsewhere). */
  elsewhere?: string;
}

/** A post of a followed feed (a blog): not a paper, shown as what it is. */
export interface PostView {
  /** The feed's own id of the post (its guid, Atom id or URL). */
  id: string;
  feedId: string;
  /** The feed's title, as config/feeds.json names it. */
  feedTitle: string;
  title: string;
  /** Its own page (http or https), when the feed gives one. */
  url?: string;
  summary: string;
  /** ISO 8601, when the feed dates it. */
  published?: string;
  /** The announcement day it was first seen for ('' when only the archive lists it). */
  day: string;
  /** ISO 8601: when we first saw it. */
  firstSeen: string;
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

/**
 * "For you": the day's papers above the cut-off (rank/cutoff.ts) that are not by starred authors,
 * saved or hidden, best first, however many (none is an answer too), or why there is no ranking.
 */
export interface ForYouView {
  /** `untrained`: nothing to learn from yet (no saved paper, no starred author's paper, no watch's match stored). */
  status: 'ranked' | 'untrained';
  papers: PaperView[];
  /** The ranking is still learning: it has fewer saves than it needs, this many (0: it ranks by starred authors and watches). */
  learning?: { saves: number };
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
  /** The order of a page whose address names none (the reader's choice, arXiv's by default). */
  defaultSort?: 'arxiv' | 'score';
  /** `titles`: the compact view, titles and authors only (`?view=titles`). */
  view?: 'full' | 'titles';
}

/** `sort=score` on a ranked day: every paper not by a starred author in one list, best first. */
export interface RankedListView {
  papers: PaperView[];
  /** How many are above the cut-off line (rank/cutoff.ts): below it the ranking expects less than one save. */
  cutoff: number;
}

/** The papers of the day the reader moved past on its page. */
export interface SeenView {
  /** Ids of the day's papers seen. */
  ids: ReadonlySet<string>;
  /** Of the papers shown, how many were seen. */
  count: number;
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
  /** "From the blogs": posts first seen for this day, newest first. */
  posts: PostView[];
  /** The one ranked list (`sort=score` with a trained model). */
  ranked?: RankedListView;
  /** What the reader has seen of the day (pages only). */
  seen?: SeenView;
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

/** A hand-edited configuration file that cannot be used: the banner on every page, and /healthz. */
export interface ConfigProblemView {
  file: string;
  /** Where the problem is, when known. */
  line?: number;
  problem: string;
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
  /** Saved by the reader. */
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
  /** Posts of followed feeds (blogs) that match the words: a second, small query (not papers). */
  posts: PostView[];
}

export interface AuthorPageView {
  author: StarredAuthor;
  /** The author's papers, newest announcement first. */
  papers: AnnouncedPaperView[];
}

/** The last outcome of one part of the daily round (/healthz, and the page's warnings). */
export interface RoundPartView {
  part: string;
  finishedAt: string;
  ok: boolean;
  summary: string;
  problems: string[];
}

/** One entry of the reading list (/start), with its stored abstract and read mark. */
export interface ReadingEntryView {
  id: string;
  title: string;
  authors: string[];
  year?: number;
  why: string;
  /** Links in order: the paper's arXiv pages first where it is on arXiv, then the configured ones. */
  links: { label: string; url: string }[];
  /** The stored abstract (fetched once through the API); undefined until fetched. */
  abstract?: string;
  /** When it was marked read. */
  readAt?: string;
}

export interface StartView {
  entries: ReadingEntryView[];
  /** Every stored blog post, newest first. */
  archive: PostView[];
  /** Marks can be set (writes allowed). */
  canMark: boolean;
}

/** One popular paper of /top. */
export interface PopularView {
  id: string;
  title: string;
  upvotes: number;
  comments?: number;
  githubRepo?: string;
  githubStars?: number;
  /** arXiv's page of the paper. */
  link: string;
  /** Stored: its authors and categories, and its latest announcement day. */
  authors?: string[];
  categories?: string[];
  day?: string;
  /** Stored, but none of its categories is curated. */
  outside: boolean;
}

export interface TopView {
  /** CURATOR_POPULARITY=off. */
  off: boolean;
  /** The newest date with counts. */
  date?: string;
  /** The curated categories, for the note on papers outside them. */
  categories: string[];
  day: { stored: PopularView[]; notStored: PopularView[] };
  week: { from?: string; stored: PopularView[]; notStored: PopularView[] };
}
