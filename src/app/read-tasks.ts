// The reads a reader thread runs (read-pool.ts): each a function of a read-only connection and a
// structured-clonable input, returning structured-clonable data. Add a task here to move another
// expensive read (or render) off the event loop.
import type { Db } from '../store/db.ts';
import type { AuthorNames } from '../store/read/digest.ts';
import { findPaper, searchPapers } from '../store/read/search.ts';
import type { SearchQuery } from '../store/read/search-match.ts';

export const READ_TASKS = {
  search: (db: Db, input: { query: SearchQuery; offset: number; limit: number; names: AuthorNames }) =>
    searchPapers(db, input.query, input, input.names),
  paper: (db: Db, input: { id: string; names: AuthorNames }) => findPaper(db, input.id, input.names) ?? null,
} satisfies Record<string, (db: Db, input: never) => unknown>;

export type ReadTaskName = keyof typeof READ_TASKS;
export type ReadTaskInput<K extends ReadTaskName> = Parameters<(typeof READ_TASKS)[K]>[1];
export type ReadTaskOutput<K extends ReadTaskName> = ReturnType<(typeof READ_TASKS)[K]>;

/** Runs a task by name (the reader thread's dispatch, and the inline reader's). */
export function runReadTask<K extends ReadTaskName>(db: Db, task: K, input: ReadTaskInput<K>): ReadTaskOutput<K> {
  const run = READ_TASKS[task] as (db: Db, input: ReadTaskInput<K>) => ReadTaskOutput<K>;
  return run(db, input);
}
