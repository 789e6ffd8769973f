// Pure: stored papers -> the view model every output renders.
import { DEFAULT_CATEGORIES } from '../config.ts';
import { cutoffIndex } from '../rank/cutoff.ts';
import { arxivLabel, arxivLinks } from '../fetcher/arxiv-links.ts';
import type { DigestPaper } from '../types.ts';
import { buildSections, countPapers } from './sections.ts';
import type { DigestOrder, DigestView, PaperView, PostView, SourceRef, TriageView, WatchView } from './types.ts';

// A long author list shows its first ten names and "and N more"; a list only a little longer
// than that is shown whole, since "and 2 more" saves nothing.
const SHOWN_AUTHORS = 10;
const FOLD_FROM = 13;

/** Adds how the source names and links the paper. */
export function withSourceRef<T extends { id: string; version: number | null }>(paper: T): T & SourceRef {
  return { ...paper, label: arxivLabel(paper), links: arxivLinks(paper) };
}

/** A paper as shown: links, label and how many authors before the fold. */
export function toPaperView<T extends DigestPaper & TriageView>(paper: T): T & PaperView {
  const shownAuthors = paper.authors.length >= FOLD_FROM ? SHOWN_AUTHORS : paper.authors.length;
  return { ...withSourceRef(paper), shownAuthors };
}

export interface DigestViewOptions {
  /** The curated categories (default: config's default): sections are grouped by them, the filter offers them. */
  listed?: readonly string[];
  /** Show only papers in one of these categories (primary or cross-listed); empty or absent: all. */
  only?: readonly string[];
  /** Papers carry scores from a trained model (else "For you" says how to get one). */
  ranked?: boolean;
  /** The reader's saved papers: below LEARNING_SAVES, "For you" says the ranking is still learning. */
  saves?: number;
  /** The keyword watches; papers name the ones they match. */
  watches?: readonly Omit<WatchView, 'papers'>[];
  sort?: DigestOrder['sort'];
  showHidden?: boolean;
  /** "From the blogs": the day's new posts. */
  posts?: readonly PostView[];
}

/** Saves below which the ranking says it is still learning (the protocol's few-shot readers have 3 and 5). */
export const LEARNING_SAVES = 10;

function byScore(a: PaperView, b: PaperView): number {
  return (b.score ?? 0) - (a.score ?? 0);
}

/** Lists a paper under `only` if any of its categories is one of them. */
function isShown(paper: DigestPaper, only: readonly string[]): boolean {
  return only.length === 0 || paper.categories.some((category) => only.includes(category));
}

export function buildDigestView(
  date: string,
  papers: readonly (DigestPaper & TriageView)[],
  options: DigestViewOptions = {},
): DigestView {
  const only = [...new Set(options.only ?? [])];
  const listed = options.listed ?? DEFAULT_CATEGORIES;
  const inCategories: PaperView[] = papers
    .filter((paper) => isShown(paper, only))
    .map((paper) => withElsewhere(toPaperView(paper), listed));
  const hidden = inCategories.filter((paper) => paper.mark === 'hidden').length;
  const showHidden = options.showHidden ?? false;
  const views = showHidden ? inCategories : inCategories.filter((paper) => paper.mark !== 'hidden');
  const sort = options.sort ?? 'arxiv';
  const listedViews = sort === 'score' ? [...views].sort(byScore) : views;
  // What the reader has in hand already (starred, saved) or put away (hidden) is not suggested; the
  // rest, best first, down to where the chances below add up to less than one save.
  const candidates = views
    .filter((paper) => paper.starred.length === 0 && paper.mark === undefined && paper.score !== undefined)
    .sort(byScore);
  const forYou = candidates.slice(0, cutoffIndex(candidates.map((paper) => paper.score!)));
  const saves = options.saves ?? 0;
  // Under a filter, papers are grouped by the shown categories: a cs.LG paper cross-listed to
  // stat.ML is a stat.ML paper on a page showing stat.ML only.
  const sections = buildSections(listedViews, only.length > 0 ? only : listed);
  return {
    date,
    forYou: options.ranked
      ? { status: 'ranked', papers: forYou, ...(saves < LEARNING_SAVES && { learning: { saves } }) }
      : { status: 'untrained', papers: [] },
    watches: withWatchedPapers(options.watches ?? [], views),
    order: { sort, showHidden, hidden },
    papers: views,
    sections,
    counts: countPapers(views),
    filter: { only, choices: [...listed], dayTotal: papers.length },
    posts: [...(options.posts ?? [])],
  };
}

/** Each watch with the papers that name it, in the papers' order (one pass: a hundred watches may match every paper). */
function withWatchedPapers(watches: readonly Omit<WatchView, 'papers'>[], papers: readonly PaperView[]): WatchView[] {
  const bySlug = new Map(watches.map((watch): [string, PaperView[]] => [watch.slug, []]));
  for (const paper of papers) for (const slug of paper.watches ?? []) bySlug.get(slug)?.push(paper);
  return watches.map((watch) => ({ ...watch, papers: bySlug.get(watch.slug)! }));
}

/** Marks a paper none of whose categories is curated (a starred author's upload in q-bio.NC, say). */
function withElsewhere(paper: PaperView, listed: readonly string[]): PaperView {
  if (paper.categories.some((category) => listed.includes(category))) return paper;
  return { ...paper, elsewhere: paper.categories[0] ?? '?' };
}
