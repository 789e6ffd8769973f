// Saved and hidden papers: one mark per paper id (saving a hidden paper unhides it). Each change
// moves the data version (its triggers: pages show marks) and the marks generation, the ranker's
// input (the data version moves with everything, the ranker's own scores included).
import type { Db } from '../db.ts';
import { MARKS_GENERATION_KEY } from '../read/marks.ts';

export type MarkKind = 'saved' | 'hidden';

function bumpMarksGeneration(db: Db): void {
  db.prepare(
    `INSERT INTO meta (key, value) VALUES (?, '1')
    ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`,
  ).run(MARKS_GENERATION_KEY);
}

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
    if (changed > 0) bumpMarksGeneration(db);
    return changed;
  })();
}

/** Takes a mark of this kind off; the number of papers it was on. */
export function unmarkPapers(db: Db, ids: readonly string[], kind: MarkKind): number {
  const remove = db.prepare<[string, string]>('DELETE FROM marks WHERE paper_id = ? AND kind = ?');
  return db.transaction(() => {
    let changed = 0;
    for (const id of ids) changed += remove.run(id, kind).changes;
    if (changed > 0) bumpMarksGeneration(db);
    return changed;
  })();
}
