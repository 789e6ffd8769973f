// The digest of day D: the one way every output (page, text, JSON, daily feed, mail, CLI) gets
// a day's papers, sections and counts, or why there are none (weekend, holiday, empty feed, not
// fetched yet, in the future).
import type { Context } from '../app/context.ts';
import { noAnnouncementReason } from '../calendar/announcement-days.ts';
import { easternDay } from '../calendar/eastern.ts';
import type { Db } from '../store/db.ts';
import { findNeighbourDays, isDayStored, listStoredDays } from '../store/read/days.ts';
import { listSeenDays } from '../store/read/seen.ts';
import { getDayPapers } from '../store/read/digest.ts';
import { getDayItems } from '../store/read/source-items.ts';
import { buildDigestView } from './digest.ts';
import { annotatePapers, explainPapers, readTriage } from './triage.ts';
import { toPostView } from './posts.ts';
import { buildRankedList, readDefaultSort, readSeen } from './ranked.ts';
import type { DayDigest, DigestOrder, NoDigestKind } from './types.ts';

/** How a page lists the day: a category filter, the order, hidden papers shown or not. */
export interface DayOptions {
  only?: readonly string[];
  sort?: DigestOrder['sort'];
  showHidden?: boolean;
  /** Every paper's why (the JSON digest), not only those shown ("For you"). */
  explainAll?: boolean;
  /** The compact view (pages). */
  view?: DigestOrder['view'];
  /** For the day's page: without `sort`, the reader's default order; and what the reader has seen. */
  page?: boolean;
}

/** The digest of a day with the reader's marks, scores and watches; `only` narrows it to those categories. */
export function loadDayDigest(
  context: Context,
  holidays: ReadonlySet<string>,
  day: string,
  options: DayOptions = {},
): DayDigest {
  const { db } = context;
  const triage = readTriage(db);
  const scored = annotatePapers(getDayPapers(db, day, context.starred.current().names), triage);
  const papers = options.explainAll ? explainPapers(scored, triage) : scored;
  const posts = getDayItems(db, day).map(toPostView);
  const defaultSort = readDefaultSort(db);
  const sort = options.sort ?? (options.page ? defaultSort : 'arxiv');
  const built = buildDigestView(day, papers, {
    listed: context.config.categories,
    only: options.only ?? [],
    ranked: triage.ranked,
    saves: [...triage.marks.values()].filter((mark) => mark === 'saved').length,
    watches: triage.watches.map(({ slug, query, mail }) => ({ slug, query, mail })),
    sort,
    showHidden: options.showHidden ?? false,
    posts,
  });
  const view = {
    ...built,
    forYou: { ...built.forYou, papers: explainPapers(built.forYou.papers, triage) },
    order: { ...built.order, defaultSort, view: options.view ?? 'full' },
    ...(sort === 'score' && triage.ranked && { ranked: buildRankedList(built.papers) }),
    ...(options.page && { seen: readSeen(db, day, built.papers) }),
  };
  return {
    day,
    kind: papers.length > 0 ? 'digest' : whyEmpty(context, holidays, day),
    view,
    ...findNeighbourDays(db, day),
  };
}

function whyEmpty(context: Context, holidays: ReadonlySet<string>, day: string): NoDigestKind {
  const reason = noAnnouncementReason(day, holidays);
  if (reason !== undefined) return reason;
  if (isDayStored(context.db, day)) return 'empty';
  return day > easternDay(context.now()) ? 'future' : 'not-fetched';
}

/** A day we lack, as opposed to one arXiv announced nothing on (which has an empty digest). */
export function isMissing(kind: DayDigest['kind']): kind is 'future' | 'not-fetched' | 'nothing-stored' {
  return kind === 'future' || kind === 'not-fetched' || kind === 'nothing-stored';
}

/** The newest announcement day with papers. */
export function findLatestDay(db: Db): string | undefined {
  return listStoredDays(db, { withPapers: true, limit: 1 })[0]?.day;
}

/** The newest days with papers, newest first (the archive under a page, the daily feed). */
export function listRecentDays(db: Db, limit: number): string[] {
  return listStoredDays(db, { withPapers: true, limit }).map((stored) => stored.day);
}

// The archive under a digest page: a week of links is enough next to previous/next.
const ARCHIVE_DAYS = 7;

export function listArchiveDays(db: Db): string[] {
  return listRecentDays(db, ARCHIVE_DAYS);
}

/** The archive's days not opened yet, oldest first (the first is "next unread day"). */
export function listUnreadDays(db: Db, archive: readonly string[]): string[] {
  const seen = listSeenDays(db);
  return archive.filter((day) => !seen.has(day)).reverse();
}
