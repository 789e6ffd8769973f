// The fetch log and the HTTP validators remembered per URL (RFC 9110 conditional requests).
import type { Db } from './db.ts';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export function getValidators(db: Db, url: string): Validators {
  const row = db.prepare('SELECT etag, last_modified FROM http_validators WHERE url = ?').get(url) as
    | { etag: string | null; last_modified: string | null }
    | undefined;
  return { etag: row?.etag ?? undefined, lastModified: row?.last_modified ?? undefined };
}

export function saveValidators(db: Db, url: string, validators: Validators, now: string): void {
  if (validators.etag === undefined && validators.lastModified === undefined) return;
  db.prepare(`
    INSERT INTO http_validators (url, etag, last_modified, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, updated_at = excluded.updated_at`)
    .run(url, validators.etag ?? null, validators.lastModified ?? null, now);
}

export interface FetchRun {
  id: number;
  url: string;
  startedAt: string;
  finishedAt: string | null;
  status: number | null;
  day: string | null;
  counts: Record<string, number> | null;
  error: string | null;
}

export function startFetchRun(db: Db, url: string, now: string): number {
  return Number(db.prepare('INSERT INTO fetch_runs (url, started_at) VALUES (?, ?)').run(url, now).lastInsertRowid);
}

export interface FetchRunEnd {
  status?: number;
  day?: string;
  counts?: Record<string, number>;
  error?: string;
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

export function getLastFetchRun(db: Db): FetchRun | undefined {
  const row = db
    .prepare(`SELECT id, url, started_at AS startedAt, finished_at AS finishedAt, status, day, counts, error
      FROM fetch_runs ORDER BY id DESC LIMIT 1`)
    .get() as (Omit<FetchRun, 'counts'> & { counts: string | null }) | undefined;
  if (row === undefined) return undefined;
  return { ...row, counts: row.counts === null ? null : (JSON.parse(row.counts) as Record<string, number>) };
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
