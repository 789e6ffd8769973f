// arXiv's clock: its cutoffs, announcements and feed days are US Eastern (fetcher/FORMATS.md §5).
// Offsets come from Intl (America/New_York), so DST changes are handled by the zone data.
// Every formatter is built once: building one costs far more than using it.

export const ARXIV_TIME_ZONE = 'America/New_York';

const easternDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: ARXIV_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const easternTime = new Intl.DateTimeFormat('en-US', {
  timeZone: ARXIV_TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const easternParts = new Intl.DateTimeFormat('en-US', {
  timeZone: ARXIV_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

// The day last formatted, and the minute it was formatted for (easternDay).
let lastDay = { minute: Number.NaN, day: '' };

/** The US Eastern calendar day of an instant (arXiv's clock). */
export function easternDay(instant: Date): string {
  // Asked on every request: the day changes once a day, so the formatter runs once a minute at most.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: easternDate.format(instant) };
  return lastDay.day;
}

/** "Fri, Nov 27, 00:30 New York time": arXiv's clock, the one its schedule is written in. */
export function formatEasternTime(at: Date | string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(instant.getTime()) ? String(at) : `${easternTime.format(instant)} New York time`;
}

/** New York's offset from UTC in minutes at `instant`: -300 in winter (EST), -240 in summer (EDT). */
export function easternOffsetMinutes(instant: number): number {
  const p = Object.fromEntries(easternParts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
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
