import { parseDay } from '../calendar/days.ts';
import { CommandError } from './errors.ts';

/** A `YYYY-MM-DD` option value, or undefined when absent. */
export function readDayOption(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  const day = typeof value === 'string' ? parseDay(value) : undefined;
  if (day === undefined)
    throw new CommandError(`${name}: "${describeValue(value)}" is not a date in the form YYYY-MM-DD`);
  return day;
}

export function readChoice<T extends string>(value: unknown, name: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw new CommandError(`${name}: "${describeValue(value)}" is not one of ${choices.join(', ')}`);
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
