// Read models of the reader's library: saved papers (page, feed, BibTeX, JSON export), a keyword
// watch's recent matches (its feed), similar papers, and the watches page.
import type { Context } from '../app/context.ts';
import { arxivLinks } from '../fetcher/arxiv-links.ts';
import { readIdMonth } from '../fetcher/ids.ts';
import { listRecentDays } from './day.ts';
import { getDayPapers, getStoredPaper } from '../store/read/digest.ts';
import { listMarkedPapers, readMarks, type MarkedPaper } from '../store/read/marks.ts';
import { listWatches, type StoredWatch } from '../store/read/watches.ts';
import { toPaperView } from './digest.ts';
import { loadRanker } from './triage.ts';
import type { AnnouncedPaperView, PaperView } from './types.ts';
import { findWatchMatches } from './watches.ts';

/** Days a watch's feed and "similar papers" look back over. */
const RECENT_DAYS = 7;
const FEED_ITEMS = 100;

export interface LibraryExport {
  saved: { id: string; at: string }[];
  hidden: { id: string; at: string }[];
  watches: { slug: string; query: string; mail: boolean }[];
}

/** A marked paper as feeds and pages show it; one never announced is dated by its mark. */
function toMarkedView(paper: MarkedPaper): AnnouncedPaperView & { markedAt: string } {
  const { markedAt, day, published: _published, ...rest } = paper;
  const view = toPaperView({ ...rest, announceType: 'new' as const, starred: [] });
  return { ...view, day: day ?? markedAt.slice(0, 10), markedAt, mark: 'saved' };
}

/** A saved paper as a citation wants it: dated by its first version, with the version saved. */
export interface SavedCitation {
  id: string;
  url: string;
  version: number | null;
  title: string;
  authors: string[];
  categories: string[];
  doi?: string;
  firstVersion?: { year: number; month: number };
}

/** The first version's month: the id says it; else the stored first-version date (`published`). */
function readFirstVersion(paper: MarkedPaper): SavedCitation['firstVersion'] {
  const fromId = readIdMonth(paper.id);
  if (fromId !== undefined || paper.published === undefined) return fromId;
  const date = /^(\d{4})-(\d{2})/.exec(paper.published);
  return date ? { year: Number(date[1]), month: Number(date[2]) } : undefined;
}

/** The saved papers for /saved.bib and `marks export --format bibtex`, newest save first. */
export function listSavedCitations(context: Context): SavedCitation[] {
  return listMarkedPapers(context.db, 'saved').map((paper) => {
    const firstVersion = readFirstVersion(paper);
    return {
      id: paper.id,
      url: arxivLinks(paper).abs,
      version: paper.version,
      title: paper.title,
      authors: paper.authors,
      categories: paper.categories,
      ...(paper.doi !== undefined && { doi: paper.doi }),
      ...(firstVersion !== undefined && { firstVersion }),
    };
  });
}

export function listSavedPapers(context: Context): (AnnouncedPaperView & { markedAt: string })[] {
  return listMarkedPapers(context.db, 'saved').map(toMarkedView);
}

/** What `/saved.json` and `arxiv-curator marks export` write, and `marks import` reads. */
export function exportLibrary(context: Context): LibraryExport {
  const marks = (kind: 'saved' | 'hidden') =>
    listMarkedPapers(context.db, kind).map((paper) => ({ id: paper.id, at: paper.markedAt }));
  return {
    saved: marks('saved'),
    hidden: marks('hidden'),
    watches: listWatches(context.db).map(({ slug, query, mail }) => ({ slug, query, mail })),
  };
}

/**
 * The papers of the last week's days each watch matches, newest first, hidden ones left out; by
 * slug. Every watch at once: the watches page and each watch's feed share one evaluation.
 */
export function listRecentWatchMatches(context: Context): Map<string, AnnouncedPaperView[]> {
  const { db } = context;
  const watches = listWatches(db);
  const names = context.starred.current().names;
  const papers =
    watches.length === 0
      ? []
      : listRecentDays(db, RECENT_DAYS).flatMap((day) =>
          getDayPapers(db, day, names).map((paper) => ({ ...paper, day })),
        );
  // A paper announced twice in the week is one paper to the index: matched once, listed on each day.
  const distinct = [...new Map(papers.map((paper) => [paper.id, paper])).values()];
  const matches = findWatchMatches(db, watches, distinct);
  const hidden = readMarks(db);
  return new Map(
    watches.map((watch) => {
      const ids = new Set(matches.get(watch.slug));
      const found = papers.filter((paper) => ids.has(paper.id) && hidden.get(paper.id) !== 'hidden');
      return [watch.slug, found.slice(0, FEED_ITEMS).map((paper) => ({ ...toPaperView(paper), day: paper.day }))];
    }),
  );
}

/** The papers of the last week's days that a watch matches, newest first; hidden ones left out. */
export function listWatchMatches(context: Context, watch: StoredWatch): AnnouncedPaperView[] {
  return listRecentWatchMatches(context).get(watch.slug) ?? [];
}

export interface SimilarView {
  paper: PaperView;
  /** Undefined when there is no model to compare with. */
  similar?: (AnnouncedPaperView & { similarity: number })[];
}

/** Papers like `id` among the last week's days and the saved papers, from the ranking's vectors. */
/** One stored paper as shown, with its latest announcement day ('' if none). */
export function findPaperView(context: Context, id: string): AnnouncedPaperView | undefined {
  const stored = getStoredPaper(context.db, id, context.starred.current().names);
  return stored && { ...toPaperView(stored), day: stored.day ?? '' };
}

export function buildSimilar(context: Context, id: string, limit = 10): SimilarView | undefined {
  const names = context.starred.current().names;
  const days = listRecentDays(context.db, RECENT_DAYS);
  const candidates = new Map<string, AnnouncedPaperView>();
  for (const day of days)
    for (const paper of getDayPapers(context.db, day, names))
      if (!candidates.has(paper.id)) candidates.set(paper.id, { ...toPaperView(paper), day });
  for (const paper of listSavedPapers(context)) if (!candidates.has(paper.id)) candidates.set(paper.id, paper);
  const target = candidates.get(id) ?? findPaperView(context, id);
  if (target === undefined) return undefined;
  const ranker = loadRanker(context.db);
  if (ranker === undefined) return { paper: target };
  const hits = ranker.similar(target, [...candidates.values()], limit);
  return { paper: target, similar: hits.map((hit) => ({ ...candidates.get(hit.id)!, similarity: hit.similarity })) };
}
