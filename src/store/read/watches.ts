// Keyword watches.
import type { Db } from '../db.ts';

export interface StoredWatch {
  slug: string;
  query: string;
  /** Its matches are pinned into the mail. */
  mail: boolean;
  createdAt: string;
}

export function listWatches(db: Db): StoredWatch[] {
  return db
    .prepare<[], { slug: string; query: string; mail: number; created_at: string }>(
      'SELECT slug, query, mail, created_at FROM watches ORDER BY slug',
    )
    .all()
    .map((row) => ({ slug: row.slug, query: row.query, mail: row.mail === 1, createdAt: row.created_at }));
}
