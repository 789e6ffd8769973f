// The ranking model is derived data: replaced whole after each training, and the pages that
// show scores change with it (the data generation).
import type { Db } from '../db.ts';
import { bumpGeneration } from './meta.ts';

export function storeRankModel(db: Db, model: { kind: string; fingerprint: string; model: string }, now: string): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO rank_model (id, kind, fingerprint, trained_at, model) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, fingerprint = excluded.fingerprint,
         trained_at = excluded.trained_at, model = excluded.model`,
    ).run(model.kind, model.fingerprint, now, model.model);
    bumpGeneration(db);
  })();
}
