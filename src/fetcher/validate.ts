// What a stored paper and a feed's day must be, whatever the wire format said: one-line reasons
// for items to leave out and for feeds to refuse (fuzzing found empty titles, no authors, no
// categories, the days 0000-04-27 and 1900-01-01, Saturdays). Pure.
import { parseDay, weekday } from '../calendar/days.ts';
import type { PaperRecord } from '../types.ts';
import { isCategory } from '../text/categories.ts';

/** arXiv opened on 14 August 1991; nothing it announced or dated is older. */
export const FIRST_ARXIV_DAY = '1991-08-14';
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Why the paper cannot be stored, or undefined when it can. */
export function findPaperProblem(paper: PaperRecord): string | undefined {
  if (paper.title.trim() === '') return 'empty title';
  if (paper.authors.length === 0) return 'no authors';
  if (paper.authors.some((name) => name.trim() === '')) return 'an empty author name';
  if (paper.categories.length === 0) return 'no categories';
  const category = paper.categories.find((name) => !isCategory(name));
  if (category !== undefined) return `"${category}" is not an arXiv category`;
  for (const [field, value] of [
    ['published', paper.published],
    ['updated', paper.updated],
  ] as const) {
    if (value !== undefined && !isPossibleDate(value)) return `impossible ${field} date "${value}"`;
  }
  return undefined;
}

/** A real calendar date (time optional) no older than arXiv. */
export function isPossibleDate(value: string): boolean {
  const day = ISO_DATE.exec(value)?.[1];
  return day !== undefined && isPossibleDay(day) && !Number.isNaN(Date.parse(value));
}

// Days checked so far: an import checks two dates a paper, and a file's papers share a few thousand
// days; parseDay builds a Date each time (2% of an import's parse). Bounded: cleared when full.
const possibleDays = new Map<string, boolean>();
const REMEMBERED_DAYS = 20_000;

function isPossibleDay(day: string): boolean {
  let possible = possibleDays.get(day);
  if (possible === undefined) {
    possible = parseDay(day) === day && day >= FIRST_ARXIV_DAY;
    if (possibleDays.size >= REMEMBERED_DAYS) possibleDays.clear();
    possibleDays.set(day, possible);
  }
  return possible;
}

/**
 * Why a feed's announcement day cannot be: not a real date, older than arXiv, or a weekend day
 * for a feed that lists papers (arXiv announces Sunday to Thursday evenings, so feed days run
 * Monday to Friday; an empty weekend feed is a real answer).
 */
export function findDayProblem(day: string, items: number): string | undefined {
  if (!isPossibleDate(day)) return `impossible announcement day ${day}`;
  const dow = weekday(day);
  if (items > 0 && (dow === 0 || dow === 6))
    return `announcement day ${day} is a ${WEEKDAYS[dow]}, when arXiv announces nothing, yet the feed lists ${items} items`;
  return undefined;
}
