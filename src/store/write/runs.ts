// Writes to the fetch log and the remembered HTTP validators.
import type { Db } from '../db.ts';
import type { Validators } from '../../types.ts';

export function saveValidators(db: Db, url: string, validators: Validators, now: string): void {
  if (validators.etag === undefined && validators.lastModified === undefined) return;
  db.prepare(
    `INSERT INTO http_validators (url, etag, last_modified, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
      updated_at = excluded.updated_at`,
  ).run(url, validators.etag ?? null, validators.lastModified ?? null, now);
}

/** `part`: which part of the daily round the request belongs to (`arxiv`: the feed and the API's days). */
export function startFetchRun(db: Db, url: string, now: string, part = 'arxiv'): number {
  return Number(
    db.prepare('INSERT INTO fetch_runs (url, started_at, part) VALUES (?, ?, ?)').run(url, now, part).lastInsertRowid,
  );
}

export interface FetchRunEnd {
  status?: number | undefined;
  day?: string | undefined;
  counts?: Record<string, number> | undefined;
  error?: string | undefined;
}

export function finishFetchRun(db: Db, id: number, end: FetchRunEnd, now: string): void {
  db.prepare('UPDATE fetch_runs SET finished_at = ?, status = ?, day = ?, counts = ?, error = ? WHERE id = ?').run(
    now,
    end.status ?? null,
    end.day ?? null,
    end.counts ? JSON.stringify(end.counts) : null,
    end.error ?? null,
    id,
  );
}
