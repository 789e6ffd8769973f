// Saved and hidden papers as pages, feeds and exports read them.
import type { PaperRecord } from '../../types.ts';
import type { Db } from '../db.ts';
import { readPaperColumns, type PaperColumns } from './digest.ts';

export const MARKS_GENERATION_KEY = 'marks_generation';

export type Mark = 'saved' | 'hidden';

/** Every mark by paper id (a reader marks hundreds, not millions). */
export function readMarks(db: Db): Map<string, Mark> {
  const rows = db.prepare<[], { paper_id: string; kind: Mark }>('SELECT paper_id, kind FROM marks').all();
  return new Map(rows.map((row) => [row.paper_id, row.kind]));
}

/** A marked paper with its stored metadata and its latest announcement day, if any. */
export interface MarkedPaper extends Pick<
  PaperRecord,
  'id' | 'version' | 'title' | 'abstract' | 'authors' | 'categories' | 'comment' | 'journalRef' | 'doi' | 'published'
> {
  markedAt: string;
  day?: string;
}

interface MarkedRow extends PaperColumns {
  published: string | null;
  marked_at: string;
  day: string | null;
}

/** Papers with this mark, most recently marked first. */
export function listMarkedPapers(db: Db, kind: Mark, limit = 10_000): MarkedPaper[] {
  const rows = db
    .prepare<[Mark, number], MarkedRow>(
      `SELECT p.id, p.version, p.title, p.abstract, p.authors, p.categories, p.comment, p.journal_ref, p.doi,
         p.published, m.marked_at, (SELECT max(a.day) FROM announcements a WHERE a.paper_id = p.id) AS day
       FROM marks m JOIN papers p ON p.id = m.paper_id
       WHERE m.kind = ? ORDER BY m.marked_at DESC, p.id DESC LIMIT ?`,
    )
    .all(kind, limit);
  return rows.map((row) => ({
    ...readPaperColumns(row),
    ...(row.published !== null && { published: row.published }),
    markedAt: row.marked_at,
    ...(row.day !== null && { day: row.day }),
  }));
}
