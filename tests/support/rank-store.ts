// A reader's store as the ranking's job reads it (store/read/training.ts), built from a split of
// the real days: the saves, the starred authors' papers, the newest of the rest as the window, the
// days the reader went through (every day since their first save), the co-authors of the starred
// authors on small papers; turned into the training set by the job's own buildTrainingSet.
import { buildTrainingSet } from '../../src/jobs/retrain.ts';
import { tieOf } from '../../src/rank/circle.ts';
import type { RankText } from '../../src/rank/features.ts';
import type { TrainingJob } from '../../src/rank/tfidf-trainer.ts';
import {
  TRAINING_LIMITS,
  type CoauthorRow,
  type TrainingData,
  type TrainingPaper,
} from '../../src/store/read/training.ts';
import type { DailyPaper } from './arxiv-daily.ts';
import type { Reader } from './rank-readers.ts';

export interface ReaderStoreOptions {
  /** The reader stars `reader.starred` (default: no starred author). */
  starred?: boolean;
  /** Unmarked papers in the window (default: the job's). */
  background?: number;
}

const newestFirst = (a: DailyPaper, b: DailyPaper): number => b.day.localeCompare(a.day) || b.id.localeCompare(a.id);

/** The training data the job would read from this reader's store. */
export function readReaderStore(reader: Reader, options: ReaderStoreOptions = {}): TrainingData {
  const starred = new Set(options.starred ? reader.starred : []);
  const saved = new Set(reader.saves.map((paper) => paper.id));
  const starredOn = (paper: DailyPaper) => paper.authors.filter((author) => starred.has(author));
  const rest = [...reader.split.store].sort(newestFirst).filter((paper) => !saved.has(paper.id));
  const background = rest
    .filter((paper) => starredOn(paper).length === 0)
    .slice(0, options.background ?? TRAINING_LIMITS.background);
  const windowStart = background.reduce((oldest, paper) => (paper.day < oldest ? paper.day : oldest), '~');
  const firstSave = reader.saves.reduce((oldest, paper) => (paper.day < oldest ? paper.day : oldest), '~');
  const toPaper = (paper: DailyPaper, kind: TrainingPaper['kind']): TrainingPaper => ({
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    categories: paper.categories,
    kind,
    starredIds: starredOn(paper),
    seen: paper.day >= windowStart && paper.day >= firstSave,
    day: paper.day,
  });
  const starredPapers = rest.filter((paper) => starredOn(paper).length > 0);
  return {
    papers: [
      ...reader.saves.map((paper) => toPaper(paper, 'saved')),
      ...starredPapers.slice(0, TRAINING_LIMITS.starred).map((paper) => toPaper(paper, 'starred')),
      ...background.map((paper) => toPaper(paper, 'background')),
    ],
    coauthors: findCoauthors(reader.split.store, starred),
  };
}

function findCoauthors(store: readonly DailyPaper[], starred: ReadonlySet<string>): CoauthorRow[] {
  const pairs = new Map<string, CoauthorRow>();
  for (const paper of store) {
    const tie = tieOf(paper.authors.length);
    if (tie === 0) continue;
    for (const authorId of paper.authors.filter((author) => starred.has(author)))
      for (const coauthor of paper.authors) {
        if (starred.has(coauthor)) continue;
        const key = `${coauthor}\n${authorId}`;
        const pair = pairs.get(key);
        if (pair === undefined) pairs.set(key, { coauthor, authorId, tie });
        else pair.tie += tie;
      }
  }
  return [...pairs.values()];
}

/** The test papers as the job scores them: starred authors named. */
export function readTestPapers(reader: Reader, options: ReaderStoreOptions = {}): RankText[] {
  const starred = new Set(options.starred ? reader.starred : []);
  return reader.split.test.map((paper) => ({
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    starred: paper.authors.filter((author) => starred.has(author)).map((name) => ({ name })),
  }));
}

/** What the job trains on and scores for this reader: the production path from the store's rows on. */
export function buildReaderJob(reader: Reader, options: ReaderStoreOptions = {}): TrainingJob {
  const data = readReaderStore(reader, options);
  const names = new Map((options.starred ? reader.starred : []).map((name) => [name, name]));
  return { set: buildTrainingSet(data, names), papers: readTestPapers(reader, options) };
}
