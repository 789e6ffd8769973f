// Keyword watches (saved searches).
import type { Db } from '../db.ts';

/** Adds a watch; false when the slug is taken. */
export function insertWatch(db: Db, watch: { slug: string; query: string; mail: boolean }, now: string): boolean {
  const result = db
    .prepare('INSERT INTO watches (slug, query, mail, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
    .run(watch.slug, watch.query, watch.mail ? 1 : 0, now);
  return result.changes > 0;
}

export function deleteWatch(db: Db, slug: string): boolean {
  return db.prepare('DELETE FROM watches WHERE slug = ?').run(slug).changes > 0;
}
