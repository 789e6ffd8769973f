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

/** The fingerprint of the stored model without reading the model. */
export function getRankModelFingerprint(db: Db): string | undefined {
  return db.prepare<[], { fingerprint: string }>('SELECT fingerprint FROM rank_model WHERE id = 1').get()?.fingerprint;
}
