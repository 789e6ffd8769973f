import type { Db } from '../db.ts';

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** Marks that stored papers, announcements or flags changed (see read/version.ts); inside the writer's transaction. */
export function bumpGeneration(db: Db): void {
  db.prepare(
    `INSERT INTO meta (key, value) VALUES ('generation', '1')
    ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`,
  ).run();
}
