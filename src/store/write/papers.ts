// Papers: a newer version updates the paper; an older one never overwrites a newer one; the
// same one fills in what was missing.
import type { Db } from '../db.ts';
import { datePaper } from '../search-text.ts';
import type { PaperRecord } from '../../types.ts';
import { prepareSearchIndex } from './search-index.ts';

interface StoredHead {
  rowid: number;
  version: number | null;
  updated: string | null;
  search_day: string;
}

/** `replaced`: a newer version took over; `filled`: missing fields were filled in. */
export type UpsertOutcome = 'inserted' | 'replaced' | 'filled' | 'unchanged';

/** Prepared statements for one database; build once per ingest, reuse per paper. */
export function preparePaperStatements(db: Db) {
  return {
    head: db.prepare<[string], StoredHead>('SELECT rowid, version, updated, search_day FROM papers WHERE id = ?'),
    index: prepareSearchIndex(db),
    insert: db.prepare(`
      INSERT INTO papers (id, version, title, abstract, authors, categories, comment,
        journal_ref, doi, license, published, updated, first_seen, search_day)
      VALUES (@id, @version, @title, @abstract, @authors, @categories, @comment,
        @journalRef, @doi, @license, @published, @updated, @now, @day)`),
    // A newer version: its metadata replaces the old, except what it does not say.
    replace: db.prepare(`
      UPDATE papers SET version = coalesce(@version, version), title = @title, abstract = @abstract,
        authors = @authors, categories = @categories,
        comment = coalesce(@comment, comment), journal_ref = coalesce(@journalRef, journal_ref),
        doi = coalesce(@doi, doi), license = coalesce(@license, license),
        published = coalesce(published, @published), updated = @updated, search_day = @day
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

/**
 * Inserts or updates one paper, announced on `day` if the feed says so; must run inside the
 * caller's transaction. The search index files the paper under its latest date (search-text.ts).
 */
export function upsertPaper(statements: PaperStatements, paper: PaperRecord, now: string, day?: string): UpsertOutcome {
  const head = statements.head.get(paper.id);
  const dated = day ?? datePaper(paper, now);
  if (head === undefined) {
    const { lastInsertRowid } = statements.insert.run(toRow(paper, now, dated));
    statements.index.add(lastInsertRowid, dated, paper);
    return 'inserted';
  }
  const latest = dated > head.search_day ? dated : head.search_day;
  if (isNewer(paper, head)) {
    statements.index.remove(head.rowid, head.search_day);
    statements.replace.run(toRow(paper, now, latest));
    statements.index.add(head.rowid, latest, paper);
    return 'replaced';
  }
  // Announced again (a cross-list, a day filled in later): the same text, filed under the later day.
  if (day !== undefined && latest !== head.search_day) statements.index.move(head.rowid, head.search_day, latest);
  // An older version's date is not the date of the stored (newer) version.
  const older = paper.version !== null && head.version !== null && paper.version < head.version;
  const row = toRow(paper, now, latest);
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

function toRow(paper: PaperRecord, now: string, day: string) {
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
    day,
  };
}
