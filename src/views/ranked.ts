// The day as one ranked list (`?sort=score`): the starred papers keep their section at the top;
// every other paper, whatever its announce type, is in one list by the model's score (the chance
// the reader saves it), with the cut-off line where the ranking expects less than one more save.
import { cutoffIndex } from '../rank/cutoff.ts';
import { DEFAULT_SORT_KEY, getMeta } from '../store/read/meta.ts';
import { listSeenPapers } from '../store/read/seen.ts';
import type { Db } from '../store/db.ts';
import type { DigestOrder, PaperView, RankedListView, SeenView } from './types.ts';

export function readDefaultSort(db: Db): DigestOrder['sort'] {
  return getMeta(db, DEFAULT_SORT_KEY) === 'score' ? 'score' : 'arxiv';
}

/** The papers not by starred authors, best first (ties keep arXiv's order), and the cut-off. */
export function buildRankedList(papers: readonly PaperView[]): RankedListView {
  const ranked = papers.filter((paper) => paper.starred.length === 0).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  return { papers: ranked, cutoff: cutoffIndex(ranked.map((paper) => paper.score ?? 0)) };
}

/** The day's papers seen on its page, counted among those shown. */
export function readSeen(db: Db, day: string, shown: readonly PaperView[]): SeenView {
  const ids = listSeenPapers(db, day);
  return { ids, count: ids.size === 0 ? 0 : shown.filter((paper) => ids.has(paper.id)).length };
}
