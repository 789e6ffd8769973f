// The reader's default order of a day's page (`arxiv` or `score`): what `/` and `/digest/D` show
// when their address names none. Kept in the database, so every device sees the same choice.
import type { Context } from '../app/context.ts';
import { setMeta } from '../store/write/meta.ts';
import { DEFAULT_SORT_KEY } from '../store/read/meta.ts';
import { writeSoon } from '../app/write.ts';
import { ActionError } from './errors.ts';

export function setDefaultSort(context: Context, sort: string | undefined): Promise<'arxiv' | 'score'> {
  if (sort !== 'arxiv' && sort !== 'score') throw new ActionError(400, 'sort is arxiv or score');
  return writeSoon(context, () => {
    setMeta(context.db, DEFAULT_SORT_KEY, sort);
    return sort;
  });
}
