// Papers: a newer version updates the paper; an older one never overwrites a newer one; the
// same one fills in what was missing.
import type { Db } from '../db.ts';
import type { PaperRecord } from '../../types.ts';

interface StoredHead {
  rowid: number;
  version: number | null;
  updated: string | null;
}

/** `replaced`: a newer version took over; `filled`: missing fields were filled in. */
export type UpsertOutcome = 'inserted' | 'replaced' | 'filled' | 'unchanged';

/** Prepared statements for one database; build once per ingest, reuse per paper. */
export function preparePaperStatements(db: Db) {
  return {
    head: db.prepare<[string], StoredHead>('SELECT rowid, version, updated FROM papers WHERE id = ?'),
    // The full-text index is external-content: it must be told the old text to forget it.
    indexText: db.prepare<[number | bigint, string, string, string]>(
      'INSERT INTO papers_fts (rowid, title, abstract, authors) VALUES (?, ?, ?, ?)',
    ),
    forgetText: db.prepare<[number]>(`INSERT INTO papers_fts (papers_fts, rowid, title, abstract, authors)
      SELECT 'delete', rowid, title, abstract, authors FROM papers WHERE rowid = ?`),
    insert: db.prepare(`
      INSERT INTO papers (id, version, title, abstract, authors, categories, comment,
        journal_ref, doi, license, published, updated, first_seen)
      VALUES (@id, @version, @title, @abstract, @authors, @categories, @comment,
        @journalRef, @doi, @license, @published, @updated, @now)`),
    // A newer version: its metadata replaces the old, except what it does not say.
    replace: db.prepare(`
      UPDATE papers SET version = coalesce(@version, version), title = @title, abstract = @abstract,
        authors = @authors, categories = @categories,
        comment = coalesce(@comment, comment), journal_ref = coalesce(@journalRef, journal_ref),
        doi = coalesce(@doi, doi), license = coalesce(@license, license),
        published = coalesce(published, @published), updated = @updated
      WHERE id = @id`),
    // The same or an older version: only fill in fields still missing; the first-version date may come from any.
    fill: db.prepare(`
      UPDATE papers SET comment = coalesce(comment, @comment), journal_ref = coalesce(journal_ref, @journalRef),
        doi = coalesce(doi, @doi), license = coalesce(license, @license),
        published = coalesce(published, @published), updated = coalesce(updated, @updated),
        version = coalesce(version, @version)
      WHERE id = @id AND ((comment IS NULL AND @comment IS NOT NULL) OR (journal_ref IS NULL AND @journalRef IS NOT NULL)
        OR (doi IS NULL AND @doi IS NOT NULL) OR (license IS NULL AND @license IS NOT NULL)
        OR (published IS NULL AND @published IS NOT NULL) OR (updated IS NULL AND @updated IS NOT NULL)
        OR (version IS NULL AND @version IS NOT NULL))`),
  };
}

export type PaperStatements = ReturnType<typeof preparePaperStatements>;

/** Inserts or updates one paper; must run inside the caller's transaction. */
export function upsertPaper(statements: PaperStatements, paper: PaperRecord, now: string): UpsertOutcome {
  const head = statements.head.get(paper.id);
  const row = toRow(paper, now);
  if (head === undefined) {
    const { lastInsertRowid } = statements.insert.run(row);
    statements.indexText.run(lastInsertRowid, row.title, row.abstract, row.authors);
    return 'inserted';
  }
  if (isNewer(paper, head)) {
    statements.forgetText.run(head.rowid);
    statements.replace.run(row);
    statements.indexText.run(head.rowid, row.title, row.abstract, row.authors);
    return 'replaced';
  }
  // An older version's date is not the date of the stored (newer) version.
  const older = paper.version !== null && head.version !== null && paper.version < head.version;
  return statements.fill.run(older ? { ...row, updated: null } : row).changes > 0 ? 'filled' : 'unchanged';
}

/**
 * Versions decide when both are known. OAI `arXiv` metadata carries no version, so then the
 * timestamp of the version decides; without either, the stored paper stands.
 */
export function isNewer(paper: PaperRecord, head: StoredHead): boolean {
  if (paper.version !== null && head.version !== null) return paper.version > head.version;
  if (paper.updated !== undefined && head.updated !== null) return paper.updated > head.updated;
  return false;
}

function toRow(paper: PaperRecord, now: string) {
  return {
    id: paper.id,
    version: paper.version,
    title: paper.title,
    abstract: paper.abstract,
    authors: JSON.stringify(paper.authors),
    categories: JSON.stringify(paper.categories),
    comment: paper.comment ?? null,
    journalRef: paper.journalRef ?? null,
    doi: paper.doi ?? null,
    license: paper.license ?? null,
    published: paper.published ?? null,
    updated: paper.updated ?? null,
    now,
  };
}
