// arXiv's announcement calendar (fetcher/FORMATS.md §5): announcements at 20:00 US Eastern, Sunday to
// Thursday; the RSS feed of the following midnight carries them, so feed days are Monday to Friday.
// We date digests by that feed day. A holiday evening without an announcement empties the next feed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays, parseDay, weekday } from './days.ts';

export type NoAnnouncementReason = 'weekend' | 'holiday';

export class HolidaysError extends Error {
  override name = 'HolidaysError';
}

/** The shipped list of arXiv's holiday evenings (CURATOR_HOLIDAYS names another). */
export const DEFAULT_HOLIDAYS_PATH = fileURLToPath(new URL('../../config/holidays.json', import.meta.url));

/** Reads the holiday evenings file: `{"holidays": ["YYYY-MM-DD", ...]}`. */
export function loadHolidays(path: string | URL = DEFAULT_HOLIDAYS_PATH): ReadonlySet<string> {
  const where = String(path instanceof URL ? path.pathname : path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new HolidaysError(`${where}: ${(error as Error).message}`);
  }
  const list = (raw as { holidays?: unknown }).holidays;
  if (!Array.isArray(list)) throw new HolidaysError(`${where}: $.holidays: expected an array of YYYY-MM-DD dates`);
  return new Set(
    list.map((value, index) => {
      const day = typeof value === 'string' ? parseDay(value) : undefined;
      if (day === undefined)
        throw new HolidaysError(`${where}: $.holidays[${index}]: "${String(value)}" is not a YYYY-MM-DD date`);
      return day;
    }),
  );
}

/** Why a feed day has no announcement, or undefined if it has one. */
export function noAnnouncementReason(day: string, holidays: ReadonlySet<string>): NoAnnouncementReason | undefined {
  const dow = weekday(day);
  if (dow === 0 || dow === 6) return 'weekend';
  // Monday's feed is Sunday evening's announcement; every other feed day's is the evening before.
  if (holidays.has(addDays(day, -1))) return 'holiday';
  return undefined;
}

export function isAnnouncementDay(day: string, holidays: ReadonlySet<string>): boolean {
  return noAnnouncementReason(day, holidays) === undefined;
}

/** Feed days with an announcement in [from, to], oldest first. */
export function listAnnouncementDays(from: string, to: string, holidays: ReadonlySet<string>): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (isAnnouncementDay(day, holidays)) days.push(day);
  return days;
}

/** The last announcement feed day on or before `day`. */
export function previousAnnouncementDay(day: string, holidays: ReadonlySet<string>): string {
  let candidate = day;
  while (!isAnnouncementDay(candidate, holidays)) candidate = addDays(candidate, -1);
  return candidate;
}

/** The first announcement feed day on or after `day`. */
export function nextAnnouncementDay(day: string, holidays: ReadonlySet<string>): string {
  let candidate = day;
  while (!isAnnouncementDay(candidate, holidays)) candidate = addDays(candidate, 1);
  return candidate;
}
