// Calendar days as `YYYY-MM-DD` strings. arXiv's days are US Eastern days.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form, or undefined. */
export function parseDay(text: string): string | undefined {
  const match = DAY.exec(text);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? text : undefined;
}

export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** arXiv's clock: its cutoffs, announcements and feed days are US Eastern (FORMATS.md §5). */
export const ARXIV_TIME_ZONE = 'America/New_York';

const eastern = new Intl.DateTimeFormat('en-CA', { timeZone: ARXIV_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const easternTime = new Intl.DateTimeFormat('en-US', {
  timeZone: ARXIV_TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The US Eastern calendar day of an instant (arXiv's clock). */
export function easternDay(instant: Date): string {
  return eastern.format(instant);
}

/** "Thursday, 26 November 2026". */
export function formatLongDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
  });
}

/** "Fri, Nov 27, 00:30 New York time": arXiv's clock, the one its schedule is written in. */
export function formatEasternTime(at: Date | string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(instant.getTime()) ? String(at) : `${easternTime.format(instant)} New York time`;
}
