// The run the server does at start-up and every weekday night: store the current feed day
// from RSS, then fill the announcement days missing since the last stored one from the API.
// Idempotent: a stored day is never fetched again, so running it twice costs one RSS request.
import type { Context } from '../app/context.ts';
import { isAnnouncementDay, listAnnouncementDays } from '../calendar/announcement-days.ts';
import { addDays } from '../calendar/days.ts';
import { easternDay } from '../calendar/eastern.ts';
import type { HttpClient } from '../fetcher/http.ts';
import { listStoredDays } from '../store/read/days.ts';
import { backfillDays } from './backfill.ts';
import { fetchFeed } from './fetch-feed.ts';

/** How many announcement days a new installation starts with. */
export const INITIAL_DAYS = 7;

export interface CatchUpPlan {
  /** Today's feed day, when it has an announcement that is not stored yet (fetched from RSS). */
  current: string | undefined;
  /** Announcement days to fill from the API, oldest first. */
  missing: string[];
  /** Nothing stored yet: a first start. */
  initial: boolean;
}

export interface CatchUpProgress {
  initial: boolean;
  done: number;
  total: number;
}

export interface CatchUpResult {
  plan: CatchUpPlan;
  /** The RSS feed still shows an older day (or did not change) when `expected` was due. */
  stale?: { expected: string; shown: string };
  /** Days the API found nothing for (it lags behind); they stay missing. */
  emptyDays: string[];
}

/**
 * Pure. Looks back to the last stored day before the most recent `initialDays` announcement
 * days (so holes in that recent stretch are filled too, e.g. after an interrupted first start),
 * or, on an empty database, at just those days. The current day is left to RSS.
 */
export function planCatchUp(
  stored: ReadonlySet<string>,
  today: string,
  holidays: ReadonlySet<string>,
  initialDays = INITIAL_DAYS,
): CatchUpPlan {
  let recentStart = today;
  for (let found = 0; ; recentStart = addDays(recentStart, -1)) {
    if (isAnnouncementDay(recentStart, holidays)) found += 1;
    if (found >= initialDays) break;
  }
  const anchor = [...stored]
    .filter((day) => day < recentStart)
    .sort()
    .at(-1);
  const days = listAnnouncementDays(anchor === undefined ? recentStart : addDays(anchor, 1), today, holidays);
  return {
    current: isAnnouncementDay(today, holidays) && !stored.has(today) ? today : undefined,
    missing: days.filter((day) => day !== today && !stored.has(day)),
    initial: stored.size === 0,
  };
}

export interface CatchUpOptions {
  holidays: ReadonlySet<string>;
  signal?: AbortSignal;
  initialDays?: number;
  onProgress?: (progress: CatchUpProgress) => void;
}

export async function runCatchUp(context: Context, http: HttpClient, options: CatchUpOptions): Promise<CatchUpResult> {
  const today = easternDay(context.now());
  const stored = new Set(listStoredDays(context.db).map((row) => row.day));
  const plan = planCatchUp(stored, today, options.holidays, options.initialDays);
  const total = plan.missing.length + (plan.current ? 1 : 0);
  let done = 0;
  const report = () => options.onProgress?.({ initial: plan.initial, done, total });
  context.log.info('catchup.start', { today, current: plan.current, missing: plan.missing.length });
  report();
  let stale: CatchUpResult['stale'];
  if (plan.current) {
    const result = await fetchFeed(context, http, options.signal);
    const shown = result.kind === 'stored' ? result.day : 'what it showed before (HTTP 304 Not Modified)';
    if (shown === plan.current) done += 1;
    else stale = { expected: plan.current, shown };
    if (stale) context.log.warn('feed.stale', { expected: stale.expected, shown: stale.shown });
    report();
  }
  const filled = await backfillDays(context, http, plan.missing, {
    holidays: options.holidays,
    ...(options.signal && { signal: options.signal }),
    onDay: (outcome) => {
      if (outcome.kind !== 'empty') done += 1;
      report();
    },
  });
  context.log.info('catchup.end', {
    today,
    stored: done,
    total,
    requests: filled.requests,
    papers: filled.papers,
    stale: stale !== undefined,
  });
  return { plan, ...(stale && { stale }), emptyDays: filled.days.filter((d) => d.kind === 'empty').map((d) => d.day) };
}
