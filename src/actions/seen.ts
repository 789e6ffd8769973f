// Days opened: the page's script (or its "Mark read" button) posts `/digest/<day>/seen`; the
// archive then stops marking the day unread. A GET never does it.
import type { Context } from '../app/context.ts';
import { isDayStored } from '../store/read/days.ts';
import { insertSeenDay } from '../store/write/seen.ts';
import { writeSoon } from '../jobs/write.ts';
import { ActionError } from './errors.ts';

export function markDaySeen(context: Context, day: string): Promise<boolean> {
  if (!isDayStored(context.db, day)) throw new ActionError(404, `no announcement day ${day} is stored`);
  const at = context.now().toISOString();
  return writeSoon(context, () => insertSeenDay(context.db, day, at));
}
