// The read model of /top: Hugging Face's most upvoted papers of the latest day and of the week
// before it, those in our store first (with what we stored), then a note of those we do not have.
import type { Context } from '../app/context.ts';
import { addDays } from '../calendar/days.ts';
import { arxivLinks } from '../fetcher/arxiv-links.ts';
import { getLatestPopularityDate, listPopularPapers, type PopularPaperRow } from '../store/read/popularity.ts';
import type { PopularView, TopView } from './types.ts';

/** Papers ranked per list: enough to find the ones in our store among the day's many. */
const RANKED = 200;
const SHOWN = 30;
const NOT_STORED_SHOWN = 10;

export function buildTopView(context: Context): TopView {
  const categories = [...context.config.categories];
  const empty = { stored: [], notStored: [] };
  if (!context.config.popularity) return { off: true, categories, day: empty, week: empty };
  const date = getLatestPopularityDate(context.db);
  if (date === undefined) return { off: false, categories, day: empty, week: empty };
  const from = addDays(date, -6);
  return {
    off: false,
    date,
    categories,
    day: split(listPopularPapers(context.db, date, date, RANKED), categories),
    week: { from, ...split(listPopularPapers(context.db, from, date, RANKED), categories) },
  };
}

function split(rows: readonly PopularPaperRow[], categories: readonly string[]) {
  const views = rows.map((row) => toView(row, categories));
  return {
    stored: views.filter((view) => view.authors !== undefined).slice(0, SHOWN),
    notStored: views.filter((view) => view.authors === undefined).slice(0, NOT_STORED_SHOWN),
  };
}

function toView(row: PopularPaperRow, categories: readonly string[]): PopularView {
  const stored = row.stored;
  return {
    id: row.paperId,
    title: stored?.title ?? row.hfTitle,
    upvotes: row.upvotes,
    ...(row.comments !== null && { comments: row.comments }),
    ...(row.githubRepo !== null && { githubRepo: row.githubRepo }),
    ...(row.githubStars !== null && { githubStars: row.githubStars }),
    link: arxivLinks({ id: row.paperId, version: null }).abs,
    ...(stored && { authors: stored.authors, categories: stored.categories }),
    ...(stored?.day != null && { day: stored.day }),
    outside: stored !== null && !stored.categories.some((category) => categories.includes(category)),
  };
}
