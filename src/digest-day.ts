// What a day's digest is: its papers, or why there are none (weekend, holiday, empty feed, not
// fetched yet, in the future). The page, the text and JSON routes and the CLI all ask here.
import { noAnnouncementReason } from './calendar.ts';
import { easternDay } from './dates.ts';
import type { Context } from './context.ts';
import { isDayStored, listStoredDays } from './store/announcements.ts';
import { getDayPapers } from './store/digest.ts';
import type { Digest } from './types.ts';

export type NoDigestKind = 'weekend' | 'holiday' | 'empty' | 'not-fetched' | 'future' | 'nothing-stored';

export type DayState = { kind: 'digest'; digest: Digest } | { kind: NoDigestKind; digest: Digest };

export function resolveDay(context: Context, holidays: ReadonlySet<string>, day: string): DayState {
  const digest: Digest = { date: day, papers: getDayPapers(context.db, day, context.authorNames) };
  if (digest.papers.length > 0) return { kind: 'digest', digest };
  const reason = noAnnouncementReason(day, holidays);
  if (reason !== undefined) return { kind: reason, digest };
  if (isDayStored(context.db, day)) return { kind: 'empty', digest };
  return { kind: day > easternDay(context.now()) ? 'future' : 'not-fetched', digest };
}

/** A day we lack, as opposed to one arXiv announced nothing on (which has an empty digest). */
export function isMissing(state: DayState): state is { kind: 'future' | 'not-fetched' | 'nothing-stored'; digest: Digest } {
  return state.kind === 'future' || state.kind === 'not-fetched' || state.kind === 'nothing-stored';
}

// The archive under a digest page: a week of links is enough next to previous/next, and every
// byte counts on a 500-paper page (60 KB budget).
const ARCHIVE_DAYS = 7;

export function listArchiveDays(context: Context): string[] {
  return listStoredDays(context.db, { withPapers: true, limit: ARCHIVE_DAYS }).map((stored) => stored.day);
}
