// Saved and hidden papers: one mark per paper id (saving a hidden paper unhides it). Each change
// moves, by the database's triggers, the data version (pages show marks) and the marks generation,
// what the ranking learns from (the data version moves with everything, the ranking's own scores too).
import type { Db } from '../db.ts';

export type MarkKind = 'saved' | 'hidden';

/** Marks stored papers; the number whose mark changed. `at` keeps an imported mark's time. */
export function markPapers(db: Db, marks: readonly { id: string; at: string }[], kind: MarkKind): number {
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO marks (paper_id, kind, marked_at) VALUES (?, ?, ?)
     ON CONFLICT (paper_id) DO UPDATE SET kind = excluded.kind, marked_at = excluded.marked_at
     WHERE marks.kind <> excluded.kind`,
  );
  return db.transaction(() => {
    let changed = 0;
    for (const mark of marks) changed += upsert.run(mark.id, kind, mark.at).changes;
    return changed;
  })();
}

/** Takes a mark of this kind off; the number of papers it was on. */
export function unmarkPapers(db: Db, ids: readonly string[], kind: MarkKind): number {
  const remove = db.prepare<[string, string]>('DELETE FROM marks WHERE paper_id = ? AND kind = ?');
  return db.transaction(() => {
    let changed = 0;
    for (const id of ids) changed += remove.run(id, kind).changes;
    return changed;
  })();
}
