// Which submissions an announcement day holds, from arXiv's schedule (fetcher/FORMATS.md §5): the
// cutoff is 14:00 US Eastern; feed day D carries the announcement of the evening D-1; that
// announcement holds what was submitted since the previous announcement's cutoff. A holiday
// evening has no announcement, so its submissions roll into the next one. Pure functions.
import { isAnnouncementDay, previousAnnouncementDay } from '../calendar/announcement-days.ts';
import { addDays, weekday } from '../calendar/days.ts';
import { easternInstant } from '../calendar/eastern.ts';

const CUTOFF_HOUR = 14;

export interface SubmissionWindow {
  /** Feed day `YYYY-MM-DD`. */
  day: string;
  /** First instant of the window (the previous announcement's cutoff), inclusive. */
  from: Date;
  /** This announcement's cutoff, exclusive. */
  to: Date;
}

/**
 * The cutoff of the announcement carried by feed day `day`: the evening before is Sunday for a
 * Monday feed, whose announcement closes on Friday 14:00; every other evening closes at 14:00 that day.
 */
export function cutoffOf(day: string): Date {
  const evening = addDays(day, -1);
  const closing = weekday(evening) === 0 ? addDays(evening, -2) : evening;
  return easternInstant(closing, CUTOFF_HOUR);
}

/** The submission window of announcement feed day `day` (which must be one). */
export function submissionWindow(day: string, holidays: ReadonlySet<string>): SubmissionWindow {
  if (!isAnnouncementDay(day, holidays)) throw new RangeError(`${day} is not an announcement day`);
  const previous = previousAnnouncementDay(addDays(day, -1), holidays);
  return { day, from: cutoffOf(previous), to: cutoffOf(day) };
}

/**
 * The API's `submittedDate:[A TO B]` for a window: GMT to the minute (fetcher/FORMATS.md §3), both ends
 * inclusive, so the range stops one minute before the cutoff, else a paper sent at 14:00 exactly
 * would land in two days. (We assume the end minute covers its 60 seconds; the docs do not say.)
 */
export function formatApiRange(window: SubmissionWindow): string {
  const stamp = (date: Date) => date.toISOString().slice(0, 16).replace(/[-T:]/g, '');
  return `[${stamp(window.from)} TO ${stamp(new Date(window.to.getTime() - 60_000))}]`;
}
