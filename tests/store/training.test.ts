// What the ranking's job reads from the store (store/read/training.ts): the reader's marks, the
// starred authors' papers and the newest of the rest, which of them were announced on a day the
// reader went through, and the second circle from small papers only, never a starred author's own
// name written another way.
import { afterEach, describe, expect, it } from 'vitest';
import { insertSeenDay } from '../../src/store/write/seen.ts';
import { markPapers } from '../../src/store/write/marks.ts';
import { readTrainingData, TRAINING_LIMITS } from '../../src/store/read/training.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

let world: TestWorld | undefined;
afterEach(() => world?.close());

const crowd = (count: number) => Array.from({ length: count }, (_, i) => `Member ${i}`);

describe('the training data', () => {
  it('reads marks, starred papers, the window with the days gone through, and the circle of small papers', () => {
    world = createTestWorld();
    world.ingestDay('2026-09-21', [makePaper({ id: '2609.00001', title: 'Too old for the window' })]);
    world.ingestDay('2026-09-22', [
      makePaper({ id: '2609.00002', authors: ['Yoshua Bengio', 'Aaron Courville', 'Ian Goodfellow'] }),
      makePaper({ id: '2609.00003', authors: ['Yoshua Bengio', ...crowd(24)] }),
      makePaper({ id: '2609.00004', authors: ['Y. Bengio', 'Aaron Courville'] }),
      makePaper({ id: '2609.00005' }),
    ]);
    world.ingestDay('2026-09-23', [makePaper({ id: '2609.00006' }), makePaper({ id: '2609.00007' })]);
    world.ingestDay('2026-09-24', [makePaper({ id: '2609.00008' }), makePaper({ id: '2609.00009' })]);
    const { db } = world.context;
    markPapers(db, [{ id: '2609.00006', at: '2026-09-23T12:00:00Z' }], 'saved');
    markPapers(db, [{ id: '2609.00005', at: '2026-09-23T12:00:00Z' }], 'hidden');
    insertSeenDay(db, '2026-09-24', '2026-09-24T08:00:00Z');
    // A window of the three newest unmarked, unstarred papers: 2609.00001 is older than it.
    const data = readTrainingData(db, { ...TRAINING_LIMITS, background: 3 });
    const byId = new Map(data.papers.map((paper) => [paper.id, paper]));
    expect(Object.fromEntries(data.papers.map((paper) => [paper.id, paper.kind]))).toEqual({
      '2609.00006': 'saved',
      '2609.00005': 'hidden',
      '2609.00002': 'starred',
      '2609.00003': 'starred',
      '2609.00004': 'starred',
      '2609.00009': 'background',
      '2609.00008': 'background',
      '2609.00007': 'background',
    });
    // Days gone through: 09-23 (a save) and 09-24 (opened); 09-22's hide is older than the window.
    expect(
      data.papers
        .filter((paper) => paper.seen)
        .map((paper) => paper.id)
        .sort(),
    ).toEqual(['2609.00006', '2609.00007', '2609.00008', '2609.00009']);
    expect(byId.get('2609.00004')!.starredIds).toEqual(['yoshua-bengio']);
    expect(byId.get('2609.00004')!.categories).toEqual(['cs.LG']);
    // Courville wrote a 3-author and a 2-author paper with Bengio; the 25 authors of the crowd
    // paper are nobody's co-authors, and "Y. Bengio" is Bengio himself.
    expect(data.coauthors.sort((a, b) => a.coauthor.localeCompare(b.coauthor))).toEqual([
      { coauthor: 'Aaron Courville', authorId: 'yoshua-bengio', tie: 1.5 },
      { coauthor: 'Ian Goodfellow', authorId: 'yoshua-bengio', tie: 0.5 },
    ]);
  });
});
