// Starred-author flags are derived data: computed from the authors list at ingest, and for every
// stored paper whenever the list changes. The stored flags always come from one list, the one
// whose hash is in meta: whoever writes flags with another list re-flags everything first, in
// the same transaction (see jobs/reflag.ts for who decides when).
import type { Db } from '../db.ts';
import type { FlagPaper, StarredMatch } from '../../types.ts';
import { AUTHORS_HASH_KEY, getMeta } from '../read/meta.ts';
import { setMeta } from './meta.ts';

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

/** The list the flags are computed with: its content hash and its flagger. */
export interface FlagList {
  hash: string;
  flag: FlagPaper;
}

/**
 * Makes every stored flag come from `list`: when the stored hash differs, all papers are flagged
 * again. Runs in the caller's transaction if there is one (an ingest), else in its own (BEGIN
 * IMMEDIATE: it reads the hash before it writes), so a crash leaves the old flags with the old hash
 * and the next writer redoes it.
 */
export function alignFlags(db: Db, list: FlagList): { reflagged: number } | undefined {
  if (getMeta(db, AUTHORS_HASH_KEY) === list.hash) return undefined;
  return db
    .transaction(() => {
      const statements = prepareStarredStatements(db);
      db.prepare('DELETE FROM starred').run();
      // Pages by rowid: better-sqlite3 cannot write while a SELECT iterator is open.
      const page = db.prepare<[number], { rowid: number; id: string; authors: string }>(
        'SELECT rowid, id, authors FROM papers WHERE rowid > ? ORDER BY rowid LIMIT 5000',
      );
      let reflagged = 0;
      for (let rows = page.all(0); rows.length > 0; rows = page.all(rows[rows.length - 1]!.rowid)) {
        for (const paper of rows) {
          const matches = list.flag(JSON.parse(paper.authors) as string[]);
          if (matches.length === 0) continue;
          insertFlags(statements, paper.id, matches);
          reflagged++;
        }
      }
      setMeta(db, AUTHORS_HASH_KEY, list.hash);
      return { reflagged };
    })
    .immediate();
}
