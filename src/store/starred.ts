// Starred-author flags are derived data: computed from the authors list at ingest and
// recomputed for every stored paper when config/authors.json changes (no re-fetch).
import type { Db } from './db.ts';
import type { StarredMatch } from '../types.ts';
import { getMeta, setMeta } from './runs.ts';

/** Finds the starred authors among a paper's author names. */
export type FlagPaper = (authors: string[]) => StarredMatch[];

export function prepareStarredStatements(db: Db) {
  return {
    clear: db.prepare<[string]>('DELETE FROM starred WHERE paper_id = ?'),
    insert: db.prepare<[string, string, string, string]>(
      'INSERT OR REPLACE INTO starred (paper_id, author_id, as_written, confidence) VALUES (?, ?, ?, ?)',
    ),
  };
}

export type StarredStatements = ReturnType<typeof prepareStarredStatements>;

/** Re-flags one paper from its current author list; runs inside the caller's transaction. */
export function writeFlags(statements: StarredStatements, paperId: string, matches: readonly StarredMatch[]): void {
  statements.clear.run(paperId);
  insertFlags(statements, paperId, matches);
}

/** For a paper new to the store, which has no flags to clear. */
export function insertFlags(statements: StarredStatements, paperId: string, matches: readonly StarredMatch[]): void {
  for (const match of matches) statements.insert.run(paperId, match.authorId, match.as, match.confidence);
}

const AUTHORS_HASH_KEY = 'authors_hash';

/**
 * Recomputes every flag when the authors list changed since the last run (content hash).
 * One transaction: a crash leaves the old flags and the old hash, so the next start redoes it.
 */
export function reflagIfChanged(db: Db, hash: string, flag: FlagPaper): { reflagged: number } | undefined {
  if (getMeta(db, AUTHORS_HASH_KEY) === hash) return undefined;
  return db.transaction(() => {
    const statements = prepareStarredStatements(db);
    db.prepare('DELETE FROM starred').run();
    // Pages by rowid: better-sqlite3 cannot write while a SELECT iterator is open.
    const page = db.prepare<[number], { rowid: number; id: string; authors: string }>(
      'SELECT rowid, id, authors FROM papers WHERE rowid > ? ORDER BY rowid LIMIT 5000',
    );
    let reflagged = 0;
    for (let rows = page.all(0); rows.length > 0; rows = page.all(rows[rows.length - 1]!.rowid)) {
      for (const paper of rows) {
        const matches = flag(JSON.parse(paper.authors) as string[]);
        if (matches.length === 0) continue;
        writeFlags(statements, paper.id, matches);
        reflagged++;
      }
    }
    setMeta(db, AUTHORS_HASH_KEY, hash);
    return { reflagged };
  })();
}

/** Papers per starred author id. */
export function countStarredPapers(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT author_id AS id, count(*) AS n FROM starred GROUP BY author_id').all() as { id: string; n: number }[];
  return new Map(rows.map((row) => [row.id, row.n]));
}
