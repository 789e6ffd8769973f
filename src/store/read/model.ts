// The trained ranking model, as the retraining job stored it.
import type { Db } from '../db.ts';

export interface StoredModel {
  kind: string;
  fingerprint: string;
  trainedAt: string;
  model: string;
}

export function getRankModel(db: Db): StoredModel | undefined {
  const row = db
    .prepare<[], { kind: string; fingerprint: string; trained_at: string; model: string }>(
      'SELECT kind, fingerprint, trained_at, model FROM rank_model WHERE id = 1',
    )
    .get();
  return row && { kind: row.kind, fingerprint: row.fingerprint, trainedAt: row.trained_at, model: row.model };
}

/** The stored model's kind without reading the model. */
export function getRankModelKind(db: Db): string | undefined {
  return db.prepare<[], { kind: string }>('SELECT kind FROM rank_model WHERE id = 1').get()?.kind;
}

/** What tells one stored model from the next (its training data and time), without reading it. */
export function getRankModelStamp(db: Db): { fingerprint: string; trainedAt: string } | undefined {
  const row = db
    .prepare<[], { fingerprint: string; trained_at: string }>(
      'SELECT fingerprint, trained_at FROM rank_model WHERE id = 1',
    )
    .get();
  return row && { fingerprint: row.fingerprint, trainedAt: row.trained_at };
}

/** The fingerprint of the stored model without reading the model. */
export function getRankModelFingerprint(db: Db): string | undefined {
  return db.prepare<[], { fingerprint: string }>('SELECT fingerprint FROM rank_model WHERE id = 1').get()?.fingerprint;
}

export interface StoredScore {
  score: number;
  why?: string;
  circle: string[];
}

/** The stored scores of these papers (the recent days'); a paper without one is left out. */
export function readStoredScores(db: Db, ids: readonly string[]): Map<string, StoredScore> {
  const statement = db.prepare<[string], { score: number; why: string | null; circle: string | null }>(
    'SELECT score, why, circle FROM paper_scores WHERE paper_id = ?',
  );
  const scores = new Map<string, StoredScore>();
  for (const id of ids) {
    const row = statement.get(id);
    if (row === undefined) continue;
    scores.set(id, {
      score: row.score,
      ...(row.why !== null && { why: row.why }),
      circle: row.circle === null ? [] : (JSON.parse(row.circle) as string[]),
    });
  }
  return scores;
}
