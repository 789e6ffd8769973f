// Simulated readers for the ranking's protocol (bench/rank.ts and the calibration test), built from
// the real records of tests/support/arxiv-daily.ts. A split stores the days before a day and tests
// on the days from it: no test paper is ever trained on.
// - A topic reader saves papers of one minority category (the category itself is never a feature:
//   the ranker reads titles, abstracts and authors only) and would save every test paper listed in it.
// - An author-circle reader follows a real author and the people who wrote small papers with them
//   in the stored days: the saves are the circle's most recent stored papers, the test papers to
//   save are the circle's later ones.
// A reader saved every paper of interest since their first save: the days from it are the days
// they went through (what a chance of a save is measured against).
import { MAX_CIRCLE_AUTHORS } from '../../src/rank/circle.ts';
import type { DailyPaper } from './arxiv-daily.ts';
import { createRandom } from './seeded-random.ts';

export interface Split {
  /** The first day not stored: the first test day. */
  start: string;
  /** The stored days: the `storeDays` days before `start`. */
  store: DailyPaper[];
  /** The `testDays` days from `start`. */
  test: DailyPaper[];
}

export interface SplitOptions {
  storeDays: number;
  testDays: number;
}

export type ReaderKind = 'topic' | 'circle';

export interface Reader {
  kind: ReaderKind;
  /** "cs.RO (3.1% of the stored days)", "circle of Jane Doe (23 people)". */
  label: string;
  split: Split;
  /** The saved papers: the most recent stored papers of the reader's interest, newest first. */
  saves: DailyPaper[];
  /** Ids of the test papers the reader would save. */
  relevant: Set<string>;
  /** Authors the reader stars, as written (used by the variants with starred authors). */
  starred: string[];
}

/** Topic readers save 15, circle readers up to 30 (their circle's recent papers). */
export const READER_SAVES: Readonly<Record<ReaderKind, number>> = { topic: 15, circle: 30 };

/** The split whose test window starts at the `at`-th day of the corpus. */
export function splitDays(papers: readonly DailyPaper[], at: number, options: SplitOptions): Split {
  const days = [...new Set(papers.map((paper) => paper.day))].sort();
  if (at - options.storeDays < 0 || at + options.testDays > days.length)
    throw new Error(`a split at day ${at} needs ${options.storeDays} days before it and ${options.testDays} from it`);
  const stored = new Set(days.slice(at - options.storeDays, at));
  const tested = new Set(days.slice(at, at + options.testDays));
  return {
    start: days[at]!,
    store: papers.filter((paper) => stored.has(paper.day)),
    test: papers.filter((paper) => tested.has(paper.day)),
  };
}

/** The same reader with only their `count` most recent saves (the few-shot readers). */
export function withSaves(reader: Reader, count: number): Reader {
  return { ...reader, saves: reader.saves.slice(0, count) };
}

const newestFirst = (a: DailyPaper, b: DailyPaper): number => b.day.localeCompare(a.day) || b.id.localeCompare(a.id);

export interface TopicOptions {
  /** Shares of the stored papers a minority category has (default 0.8% to 5%). */
  minShare: number;
  maxShare: number;
  /** Test papers of the category at least (default 20). */
  minRelevant: number;
  saves: number;
}

const TOPIC_DEFAULTS: TopicOptions = { minShare: 0.008, maxShare: 0.05, minRelevant: 20, saves: READER_SAVES.topic };

/** A reader who went through the last `days` stored days and saved every paper listed in `category` there. */
export function findDayReader(split: Split, category: string, days: number): Reader {
  const stored = [...new Set(split.store.map((paper) => paper.day))].sort().slice(-days);
  const listed = (paper: DailyPaper) => paper.categories.includes(category);
  return {
    kind: 'topic',
    label: `${category}, every paper of ${stored.join(', ')}`,
    split,
    saves: split.store.filter((paper) => stored.includes(paper.day) && listed(paper)).sort(newestFirst),
    relevant: new Set(split.test.filter(listed).map((paper) => paper.id)),
    starred: [],
  };
}

/** Up to `count` topic readers of different minority categories. */
export function findTopicReaders(
  split: Split,
  count: number,
  seed: string,
  options: Partial<TopicOptions> = {},
): Reader[] {
  const { minShare, maxShare, minRelevant, saves: wanted } = { ...TOPIC_DEFAULTS, ...options };
  const share = new Map<string, number>();
  for (const paper of split.store)
    for (const category of new Set(paper.categories)) share.set(category, (share.get(category) ?? 0) + 1);
  const eligible = [...share]
    .filter(([, n]) => n / split.store.length >= minShare && n / split.store.length <= maxShare)
    .map(([category]) => category)
    .sort();
  const readers: Reader[] = [];
  for (const category of createRandom(seed).shuffle(eligible)) {
    const listed = (paper: DailyPaper) => paper.categories.includes(category);
    const saves = split.store.filter(listed).sort(newestFirst).slice(0, wanted);
    const relevant = new Set(split.test.filter(listed).map((paper) => paper.id));
    if (saves.length < wanted || relevant.size < minRelevant) continue;
    const percent = ((100 * share.get(category)!) / split.store.length).toFixed(1);
    readers.push({
      kind: 'topic',
      label: `${category} (${percent}% of the stored papers)`,
      split,
      saves,
      relevant,
      starred: mostProlific(split.store.filter(listed), 3),
    });
    if (readers.length === count) break;
  }
  return readers;
}

/** The `count` authors with the most small papers among these. */
function mostProlific(papers: readonly DailyPaper[], count: number): string[] {
  const tally = new Map<string, number>();
  for (const paper of papers)
    if (paper.authors.length <= MAX_CIRCLE_AUTHORS)
      for (const author of paper.authors) tally.set(author, (tally.get(author) ?? 0) + 1);
  return [...tally]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([author]) => author);
}

function indexByAuthor(papers: readonly DailyPaper[], small: boolean): Map<string, DailyPaper[]> {
  const index = new Map<string, DailyPaper[]>();
  for (const paper of papers) {
    if (small && paper.authors.length > MAX_CIRCLE_AUTHORS) continue;
    for (const author of paper.authors) {
      let list = index.get(author);
      if (list === undefined) index.set(author, (list = []));
      list.push(paper);
    }
  }
  return index;
}

/** Papers with at least one of these authors. */
function papersOf(people: ReadonlySet<string>, index: ReadonlyMap<string, DailyPaper[]>): DailyPaper[] {
  const found = new Map<string, DailyPaper>();
  for (const person of people) for (const paper of index.get(person) ?? []) found.set(paper.id, paper);
  return [...found.values()];
}

/**
 * Up to `count` author-circle readers: an author with 4 to 15 small stored papers (more is a common
 * name shared by several people), and everyone who wrote one of them; the circle at most 60 people,
 * with 10 to 40 test papers (fewer cannot be measured at 20; more is a field, not a circle).
 */
export function findCircleReaders(split: Split, count: number, seed: string): Reader[] {
  const small = indexByAuthor(split.store, true);
  const stored = indexByAuthor(split.store, false);
  const tested = indexByAuthor(split.test, false);
  const candidates = [...small]
    .filter(([, papers]) => papers.length >= 4 && papers.length <= 15)
    .map(([author]) => author)
    .sort();
  const taken = new Set<string>();
  const readers: Reader[] = [];
  for (const author of createRandom(seed).shuffle(candidates)) {
    if (taken.has(author)) continue;
    const circle = new Set(small.get(author)!.flatMap((paper) => paper.authors));
    if (circle.size > 60) continue;
    const relevant = new Set(papersOf(circle, tested).map((paper) => paper.id));
    if (relevant.size < 10 || relevant.size > 40) continue;
    const saves = papersOf(circle, stored).sort(newestFirst).slice(0, READER_SAVES.circle);
    for (const person of circle) taken.add(person);
    readers.push({
      kind: 'circle',
      label: `circle of ${author} (${circle.size} people)`,
      split,
      saves,
      relevant,
      starred: [author],
    });
    if (readers.length === count) break;
  }
  return readers;
}
