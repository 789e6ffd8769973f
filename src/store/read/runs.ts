// The fetch log and the HTTP validators remembered per URL (RFC 9110 conditional requests).
import type { Db } from '../db.ts';
import type { Validators } from '../../types.ts';

export function getValidators(db: Db, url: string): Validators {
  const row = db.prepare('SELECT etag, last_modified FROM http_validators WHERE url = ?').get(url) as
    { etag: string | null; last_modified: string | null } | undefined;
  return {
    ...(row?.etag != null && { etag: row.etag }),
    ...(row?.last_modified != null && { lastModified: row.last_modified }),
  };
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

/** The last request of one part of the round; by default arXiv's feed and API (the page's fetch notice). */
export function getLastFetchRun(db: Db, part = 'arxiv'): FetchRun | undefined {
  const row = db
    .prepare(
      `SELECT id, url, started_at AS startedAt, finished_at AS finishedAt, status, day, counts, error
      FROM fetch_runs WHERE part = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(part) as (Omit<FetchRun, 'counts'> & { counts: string | null }) | undefined;
  if (row === undefined) return undefined;
  return { ...row, counts: row.counts === null ? null : (JSON.parse(row.counts) as Record<string, number>) };
}

/**
 * The last fetch of arXiv (the round's other parts report on their own) that ended other than by
 * the process stopping (fetch_runs.error starting with `interrupted`, jobs/fetch-run.ts), and
 * when one last succeeded.
 */
export function getFetchHealth(db: Db): { lastEnded?: FetchRun; lastSuccessAt?: string } {
  const row = db
    .prepare(
      `SELECT id, url, started_at AS startedAt, finished_at AS finishedAt, status, day, counts, error FROM fetch_runs
      WHERE part = 'arxiv' AND finished_at IS NOT NULL AND (error IS NULL OR error NOT LIKE 'interrupted%')
      ORDER BY id DESC LIMIT 1`,
    )
    .get() as (Omit<FetchRun, 'counts'> & { counts: string | null }) | undefined;
  const success = db
    .prepare(
      `SELECT max(finished_at) FROM fetch_runs WHERE part = 'arxiv' AND finished_at IS NOT NULL AND error IS NULL`,
    )
    .pluck()
    .get() as string | null;
  return {
    ...(row && {
      lastEnded: { ...row, counts: row.counts === null ? null : (JSON.parse(row.counts) as Record<string, number>) },
    }),
    ...(success !== null && { lastSuccessAt: success }),
  };
}

/** A reader of what identifies the last request to arXiv (its id and end): a page showing it asks per request. */
export function prepareLastFetchMark(db: Db): () => string {
  const last = db.prepare<[], { id: number; finishedAt: string | null }>(
    "SELECT id, finished_at AS finishedAt FROM fetch_runs WHERE part = 'arxiv' ORDER BY id DESC LIMIT 1",
  );
  return () => {
    const row = last.get();
    return row === undefined ? '' : `${row.id}:${row.finishedAt ?? ''}`;
  };
}
