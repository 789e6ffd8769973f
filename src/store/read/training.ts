// What the ranker learns from, read in bounded amounts whatever the store's size: the saved and
// hidden papers, the newest papers by starred authors, the newest of the rest (weighted low),
// and the co-authors of starred authors (the second circle).
import type { Db } from '../db.ts';
import { AUTHORS_HASH_KEY } from './meta.ts';
import { MARKS_GENERATION_KEY } from './marks.ts';

export interface TrainingPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  kind: 'saved' | 'starred' | 'hidden' | 'background';
}

export interface TrainingData {
  papers: TrainingPaper[];
  /** [co-author as written, starred author id] for each co-author of a starred author. */
  coauthors: [string, string][];
}

export interface TrainingLimits {
  marked: number;
  starred: number;
  background: number;
}

export const TRAINING_LIMITS: TrainingLimits = { marked: 2000, starred: 1000, background: 1500 };

const COLUMNS = 'p.id, p.title, p.abstract, p.authors';
const IS_STARRED = 'EXISTS (SELECT 1 FROM starred s WHERE s.paper_id = p.id)';
const IS_MARKED = 'EXISTS (SELECT 1 FROM marks m WHERE m.paper_id = p.id)';

type Row = Omit<TrainingPaper, 'authors' | 'kind'> & { authors: string };

export function readTrainingData(db: Db, limits: TrainingLimits = TRAINING_LIMITS): TrainingData {
  const select = (sql: string, kind: TrainingPaper['kind'], limit: number): TrainingPaper[] =>
    db
      .prepare<[number], Row>(`${sql} LIMIT ?`)
      .all(limit)
      .map((row) => ({ ...row, authors: JSON.parse(row.authors) as string[], kind }));
  const marked = (kind: 'saved' | 'hidden') =>
    select(
      `SELECT ${COLUMNS} FROM marks m JOIN papers p ON p.id = m.paper_id WHERE m.kind = '${kind}' ORDER BY m.marked_at DESC`,
      kind,
      limits.marked,
    );
  const papers = [
    ...marked('saved'),
    ...marked('hidden'),
    ...select(
      `SELECT ${COLUMNS} FROM papers p WHERE ${IS_STARRED} AND NOT ${IS_MARKED} ORDER BY p.rowid DESC`,
      'starred',
      limits.starred,
    ),
    ...select(
      `SELECT ${COLUMNS} FROM papers p WHERE NOT ${IS_STARRED} AND NOT ${IS_MARKED} ORDER BY p.rowid DESC`,
      'background',
      limits.background,
    ),
  ];
  return { papers, coauthors: readCoauthors(db) };
}

/** Authors who wrote a stored paper with a starred author, and with whom. */
function readCoauthors(db: Db): [string, string][] {
  const rows = db
    .prepare<[], { authors: string; written: string; author_id: string }>(
      `SELECT p.authors, s.as_written AS written, s.author_id FROM starred s JOIN papers p ON p.id = s.paper_id
       ORDER BY p.rowid DESC LIMIT 20000`,
    )
    .all();
  const starredNames = new Set(rows.map((row) => row.written));
  const pairs = new Map<string, string>();
  for (const row of rows)
    for (const name of JSON.parse(row.authors) as string[])
      if (!starredNames.has(name) && !pairs.has(name)) pairs.set(name, row.author_id);
  return [...pairs];
}

/** What a trained model depends on: the marks, the authors list and the stored papers. */
export function readTrainingFingerprint(db: Db): string {
  const row = db
    .prepare<[string, string], { marks: string | null; authors: string | null; newest: number | null }>(
      `SELECT (SELECT value FROM meta WHERE key = ?) AS marks, (SELECT value FROM meta WHERE key = ?) AS authors,
         (SELECT max(rowid) FROM papers) AS newest`,
    )
    .get(MARKS_GENERATION_KEY, AUTHORS_HASH_KEY)!;
  return `${row.marks ?? 0}|${row.authors ?? ''}|${row.newest ?? 0}`;
}

/** The papers announced on the newest `days` days, for the job to score with a new model. */
export function readRecentPapers(db: Db, days: number): Omit<TrainingPaper, 'kind'>[] {
  return db
    .prepare<[number], Row>(
      `SELECT DISTINCT ${COLUMNS} FROM announcements a JOIN papers p ON p.id = a.paper_id
       WHERE a.day IN (SELECT day FROM days WHERE papers > 0 ORDER BY day DESC LIMIT ?)`,
    )
    .all(days)
    .map((row) => ({ ...row, authors: JSON.parse(row.authors) as string[] }));
}
