// RFC 822 dates, as RSS 2.0 (pubDate, lastBuildDate) and OPML write them. Pure.
import { easternInstant, easternOffsetMinutes } from './eastern.ts';

/**
 * RFC 822 date (RSS 2.0 pubDate) of an announcement day: midnight in New York, arXiv's time zone,
 * with its offset (`-0500`, `-0400` in summer), so no reader west of UTC shows it a day early.
 */
export function formatRfc822Day(day: string): string {
  const offset = easternOffsetMinutes(easternInstant(day, 0).getTime());
  const sign = offset < 0 ? '-' : '+';
  const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  return `${new Date(`${day}T00:00:00Z`).toUTCString().replace('GMT', sign + hhmm)}`;
}

/** RFC 822 date of an ISO timestamp. */
export function formatRfc822(iso: string): string {
  return new Date(iso).toUTCString().replace('GMT', '+0000');
}
