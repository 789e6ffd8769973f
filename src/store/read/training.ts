// What the ranker learns from, read in bounded amounts whatever the store's size: the saved and
// hidden papers, the newest papers by starred authors, the newest of the rest (the window: the
// vocabulary and the negatives), which of them the reader went through (a day opened or marked),
// and the co-authors of starred authors on small papers (the second circle).
import type { Db } from '../db.ts';
import { AUTHORS_HASH_KEY } from './meta.ts';
import { MARKS_GENERATION_KEY } from './marks.ts';

export interface TrainingPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  kind: 'saved' | 'starred' | 'hidden' | 'background';
  /** Ids of the starred authors among its authors. */
  starredIds: string[];
  /** Announced on a day the reader opened or marked a paper of, no older than the window's oldest day. */
  seen: boolean;
  /** Its latest announcement day, if it has one. */
  day?: string;
}

export interface CoauthorRow {
  /** The co-author as written. */
  coauthor: string;
  authorId: string;
  /** Σ 1/(authors - 1) over the stored papers of at most `maxAuthors` authors they wrote together. */
  tie: number;
}

export interface TrainingData {
  papers: TrainingPaper[];
  coauthors: CoauthorRow[];
}

export interface TrainingLimits {
  marked: number;
  starred: number;
  background: number;
  /** Papers with more authors make no one a co-author. */
  maxAuthors: number;
}

export const TRAINING_LIMITS: TrainingLimits = { marked: 2000, starred: 1000, background: 10_000, maxAuthors: 20 };

// A paper's day is its latest announcement: a replacement is seen again.
const COLUMNS = `p.id, p.title, p.abstract, p.authors, p.categories,
  (SELECT max(a.day) FROM announcements a WHERE a.paper_id = p.id) AS day,
  (SELECT json_group_array(s.author_id) FROM starred s WHERE s.paper_id = p.id) AS starred_ids`;
const IS_STARRED = 'EXISTS (SELECT 1 FROM starred s WHERE s.paper_id = p.id)';
const IS_MARKED = 'EXISTS (SELECT 1 FROM marks m WHERE m.paper_id = p.id)';

interface Row {
  id: string;
  title: string;
  abstract: string;
  authors: string;
  categories: string;
  day: string | null;
  starred_ids: string;
}

export function readTrainingData(db: Db, limits: TrainingLimits = TRAINING_LIMITS): TrainingData {
  const select = (sql: string, kind: TrainingPaper['kind'], limit: number) =>
    db
      .prepare<[{ limit: number }], Row>(`${sql} LIMIT @limit`)
      .all({ limit })
      .map((row) => ({ row, kind }));
  const marked = (kind: 'saved' | 'hidden') =>
    select(
      `SELECT ${COLUMNS} FROM marks m JOIN papers p ON p.id = m.paper_id WHERE m.kind = '${kind}' ORDER BY m.marked_at DESC`,
      kind,
      limits.marked,
    );
  const background = select(
    `SELECT ${COLUMNS} FROM papers p WHERE NOT ${IS_STARRED} AND NOT ${IS_MARKED} ORDER BY p.rowid DESC`,
    'background',
    limits.background,
  );
  const rows = [
    ...marked('saved'),
    ...marked('hidden'),
    // Found from the starred table: a scan of the papers for the few starred ones reads the whole store.
    ...select(
      `SELECT ${COLUMNS} FROM papers p WHERE p.rowid IN (SELECT p.rowid FROM starred s CROSS JOIN papers p ON p.id = s.paper_id
         WHERE NOT ${IS_MARKED} ORDER BY p.rowid DESC LIMIT @limit) ORDER BY p.rowid DESC`,
      'starred',
      limits.starred,
    ),
    ...background,
  ];
  const windowStart = background.reduce(
    (oldest, { row }) => (row.day !== null && row.day < oldest ? row.day : oldest),
    '~',
  );
  const triaged = readTriagedDays(db);
  const papers = rows.map(({ row, kind }) => ({
    id: row.id,
    title: row.title,
    abstract: row.abstract,
    authors: JSON.parse(row.authors) as string[],
    categories: JSON.parse(row.categories) as string[],
    kind,
    starredIds: JSON.parse(row.starred_ids) as string[],
    seen: row.day !== null && row.day >= windowStart && triaged.has(row.day),
    ...(row.day !== null && { day: row.day }),
  }));
  return { papers, coauthors: readCoauthors(db, limits.maxAuthors) };
}

/** Days the reader went through: opened, or with a saved or hidden paper. */
function readTriagedDays(db: Db): Set<string> {
  return new Set(
    db
      .prepare<[], string>(
        `SELECT day FROM seen_days UNION SELECT a.day FROM marks m JOIN announcements a ON a.paper_id = m.paper_id`,
      )
      .pluck()
      .all(),
  );
}

/** Who wrote a stored paper of at most `maxAuthors` authors with a starred author, with whom, how often. */
function readCoauthors(db: Db, maxAuthors: number): CoauthorRow[] {
  const rows = db
    .prepare<[number], { authors: string; written: string; author_id: string }>(
      `SELECT p.authors, s.as_written AS written, s.author_id FROM starred s CROSS JOIN papers p ON p.id = s.paper_id
       WHERE json_array_length(p.authors) <= ? ORDER BY p.rowid DESC LIMIT 20000`,
    )
    .all(maxAuthors);
  // Every way a starred author is written on a stored paper: none of them is anyone's co-author.
  const starredNames = new Set(db.prepare<[], string>('SELECT DISTINCT as_written FROM starred').pluck().all());
  const pairs = new Map<string, CoauthorRow>();
  for (const row of rows) {
    const authors = JSON.parse(row.authors) as string[];
    if (authors.length < 2) continue;
    const tie = 1 / (authors.length - 1);
    for (const coauthor of authors) {
      if (starredNames.has(coauthor)) continue;
      const key = `${coauthor}\n${row.author_id}`;
      const pair = pairs.get(key);
      if (pair === undefined) pairs.set(key, { coauthor, authorId: row.author_id, tie });
      else pair.tie += tie;
    }
  }
  return [...pairs.values()];
}

/**
 * What the training set holds and how the model reads it: raised when either changes, so a model
 * stored by an older version is trained again at start.
 */
const TRAINING_FORMAT = 2;

/** What a trained model depends on: the marks, the authors list, the stored papers, the watches and the days opened. */
export function readTrainingFingerprint(db: Db): string {
  const row = db
    .prepare<
      [string, string],
      { marks: string | null; authors: string | null; newest: number | null; watches: string | null; seen: number }
    >(
      `SELECT (SELECT value FROM meta WHERE key = ?) AS marks, (SELECT value FROM meta WHERE key = ?) AS authors,
         (SELECT max(rowid) FROM papers) AS newest, (SELECT group_concat(query, '|') FROM watches) AS watches,
         (SELECT count(*) FROM seen_days) AS seen`,
    )
    .get(MARKS_GENERATION_KEY, AUTHORS_HASH_KEY)!;
  return `${TRAINING_FORMAT}|${row.marks ?? 0}|${row.authors ?? ''}|${row.newest ?? 0}|${row.seen}|${row.watches ?? ''}`;
}

/** The papers announced on the newest `days` days, for the job to score with a new model. */
export function readRecentPapers(
  db: Db,
  days: number,
): (Omit<TrainingPaper, 'kind' | 'seen' | 'categories'> & { categories: string[] })[] {
  return db
    .prepare<[number], Omit<Row, 'day'>>(
      `SELECT DISTINCT p.id, p.title, p.abstract, p.authors, p.categories,
         (SELECT json_group_array(s.author_id) FROM starred s WHERE s.paper_id = p.id) AS starred_ids
       FROM announcements a JOIN papers p ON p.id = a.paper_id
       WHERE a.day IN (SELECT day FROM days WHERE papers > 0 ORDER BY day DESC LIMIT ?)`,
    )
    .all(days)
    .map((row) => ({
      id: row.id,
      title: row.title,
      abstract: row.abstract,
      authors: JSON.parse(row.authors) as string[],
      categories: JSON.parse(row.categories) as string[],
      starredIds: JSON.parse(row.starred_ids) as string[],
    }));
}
