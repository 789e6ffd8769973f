// The ranking model is derived data: replaced whole after each training, and the pages that
// show scores change with it (the data version's triggers).
import type { Db } from '../db.ts';

export interface PaperScore {
  id: string;
  score: number;
  why?: string;
  circle: string[];
}

/** Replaces the model and the stored scores in one transaction, so they always agree. */
export function storeRankModel(
  db: Db,
  model: { kind: string; fingerprint: string; model: string; scores: readonly PaperScore[] },
  now: string,
): void {
  db.transaction(() => {
    db.prepare('DELETE FROM paper_scores').run();
    const insert = db.prepare<[string, number, string | null, string | null]>(
      'INSERT OR IGNORE INTO paper_scores (paper_id, score, why, circle) VALUES (?, ?, ?, ?)',
    );
    for (const score of model.scores)
      insert.run(
        score.id,
        score.score,
        score.why ?? null,
        score.circle.length > 0 ? JSON.stringify(score.circle) : null,
      );
    db.prepare(
      `INSERT INTO rank_model (id, kind, fingerprint, trained_at, model) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, fingerprint = excluded.fingerprint,
         trained_at = excluded.trained_at, model = excluded.model`,
    ).run(model.kind, model.fingerprint, now, model.model);
  })();
}
