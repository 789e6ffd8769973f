// When a day's page shows what the fetcher is doing: only while that day has no digest yet (`/` on a
// first start, or while today's announcement is not stored; a day page of a day not fetched). Then
// the scheduler's status changes what the page means ("arXiv cannot be reached; trying again at
// 09:35"), so the page declares it among what it depends on; a stored day's page never does, and is
// cached per data version alone however often the status changes (a retry, a round's progress).
import { previousAnnouncementDay } from '../calendar/announcement-days.ts';
import { easternDay } from '../calendar/eastern.ts';
import { prepareLastFetchMark } from '../store/read/runs.ts';
import { isDayStored, listStoredDays } from '../store/read/days.ts';
import type { DataVersion } from '../store/read/version.ts';
import type { Site } from './site.ts';

export interface DayStatus {
  /** The announcement day `/` stands for now: today's in New York, or the last one before it. */
  currentDay(): string;
  /** Whether a page of `day` (undefined: `/`) shows the scheduler's status: asked as it renders. */
  showsStatus(day?: string): boolean;
  /**
   * What such a page depends on beyond the data ('' for a page that shows no status), given the data
   * version: asked on every request, so the stored days are read once per version.
   */
  dependsOf(version: DataVersion, day?: string): string;
}

export function createDayStatus(site: Site): DayStatus {
  let stored: { tag: string; days: ReadonlySet<string> } | undefined;
  let current: { today: string; day: string } | undefined;
  let lastRun: (() => string) | undefined;
  const currentDay = () => {
    const today = easternDay(site.context.now());
    if (current?.today !== today) current = { today, day: previousAnnouncementDay(today, site.holidays) };
    return current.day;
  };
  // The stored days, read again once per data version (a few thousand short rows at most).
  const storedDays = (version: DataVersion) => {
    if (stored?.tag !== version.tag) {
      const days = new Set(listStoredDays(site.context.db).map((row) => row.day));
      stored = { tag: version.tag, days };
    }
    return stored.days;
  };
  return {
    currentDay,
    showsStatus: (day) => !isDayStored(site.context.db, day ?? currentDay()),
    dependsOf(version, day) {
      if (storedDays(version).has(day ?? currentDay())) return '';
      const status = site.status();
      // Without a word from the scheduler, the page tells the last fetch of arXiv from the fetch log.
      if (status.activity !== undefined) return `${status.activity}|${status.nextRunAt ?? ''}`;
      lastRun ??= prepareLastFetchMark(site.context.db);
      return `|${status.nextRunAt ?? ''}|${lastRun()}`;
    },
  };
}
