// Which submissions an announcement day holds, from arXiv's schedule (FORMATS.md §5): the
// cutoff is 14:00 US Eastern; feed day D carries the announcement of the evening D-1; that
// announcement holds what was submitted since the previous announcement's cutoff. A holiday
// evening has no announcement, so its submissions roll into the next one. Pure functions;
// US Eastern offsets come from Intl (America/New_York), so DST changes are handled by the zone data.
import { isAnnouncementDay, previousAnnouncementDay } from '../calendar.ts';
import { addDays, ARXIV_TIME_ZONE, weekday } from '../dates.ts';

const CUTOFF_HOUR = 14;

export interface SubmissionWindow {
  /** Feed day `YYYY-MM-DD`. */
  day: string;
  /** First instant of the window (the previous announcement's cutoff), inclusive. */
  from: Date;
  /** This announcement's cutoff, exclusive. */
  to: Date;
}

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: ARXIV_TIME_ZONE, hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** New York's offset from UTC in minutes at `instant`: -300 in winter (EST), -240 in summer (EDT). */
function easternOffsetMinutes(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant of wall-clock `hour:minute` on `day` in New York. */
export function easternInstant(day: string, hour: number, minute = 0): Date {
  const wall = Date.parse(`${day}T00:00:00Z`) + (hour * 60 + minute) * 60_000;
  // Two passes: the offset at the guess can differ from the offset at the answer near a DST change.
  let instant = wall - easternOffsetMinutes(wall) * 60_000;
  instant = wall - easternOffsetMinutes(instant) * 60_000;
  return new Date(instant);
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
 * The API's `submittedDate:[A TO B]` for a window: GMT to the minute (FORMATS.md §3), both ends
 * inclusive, so the range stops one minute before the cutoff, else a paper sent at 14:00 exactly
 * would land in two days. (We assume the end minute covers its 60 seconds; the docs do not say.)
 */
export function formatApiRange(window: SubmissionWindow): string {
  const stamp = (date: Date) => date.toISOString().slice(0, 16).replace(/[-T:]/g, '');
  return `[${stamp(window.from)} TO ${stamp(new Date(window.to.getTime() - 60_000))}]`;
}
