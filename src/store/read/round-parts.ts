// The last outcome of each part of the daily round, as recorded by write/round-parts.ts.
import type { Db } from '../db.ts';

export interface RoundPartStatus {
  part: string;
  finishedAt: string;
  ok: boolean;
  summary: string;
  problems: string[];
}

export function listRoundParts(db: Db): RoundPartStatus[] {
  const rows = db
    .prepare('SELECT part, finished_at AS finishedAt, ok, summary, problems FROM round_parts ORDER BY part')
    .all() as { part: string; finishedAt: string; ok: number; summary: string; problems: string }[];
  return rows.map((row) => ({ ...row, ok: row.ok === 1, problems: JSON.parse(row.problems) as string[] }));
}
