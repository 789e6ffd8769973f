// The key-value table of small facts: the authors list's hash, the marks' count of changes, harvest state.
import type { Db } from '../db.ts';

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

/** The hash of the authors list the stored starred flags were computed with. */
export const AUTHORS_HASH_KEY = 'authors_hash';

/** The reader's default order of a day's page: `arxiv` or `score`. */
export const DEFAULT_SORT_KEY = 'default_sort';
