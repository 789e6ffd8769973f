// What the accessibility tests (a11y-*.test.ts) show axe: the papers of the realistic day of every
// kind, a few of each (every announce type, TeX and markup in titles, the broken formula, TeX-accented
// names, 50-180-author lists folded, starred "who" lines and namesakes, comments, cross-lists),
// ranked ("For you", why lines, second-circle and watch badges), three saved papers and a hidden
// one, a watch, and the rest of the advice (blog posts with the warning of a feed gone, popularity
// counts, a read mark). Axe's rules judge each kind of element; 200 papers of the same kinds would
// only repeat them, at a second of axe per 40 papers. Built once per process (seeded-world.ts):
// each file gets a copy.
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { addWatch } from '../../src/actions/watches.ts';
import { ensureRankModel } from '../../src/jobs/retrain.ts';
import { createApp } from '../../src/server.ts';
import { getDayPapers } from '../../src/store/read/digest.ts';
import { markPapers } from '../../src/store/write/marks.ts';
import { storeDailyPapers } from '../../src/store/write/popularity.ts';
import { setReadMark } from '../../src/store/write/reading.ts';
import { recordRoundPart } from '../../src/store/write/round-parts.ts';
import { storeSourceItems } from '../../src/store/write/source-items.ts';
import { ANNOUNCE_TYPES, type PaperRecord } from '../../src/types.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';
import { isStarredForm, SHORTEST_LONG_LIST } from '../support/realistic-authors.ts';
import { buildRealisticDay } from '../support/realistic-day.ts';
import { NAMESAKES, TEX_ACCENT } from '../support/realistic-names.ts';
import { BROKEN_FORMULA } from '../support/realistic-text.ts';
import { DAY_BEFORE, REALISTIC_DAY, realisticWorldOptions } from '../support/realistic-world.ts';
import { fromSeed, keepSeed } from '../support/seeded-world.ts';

export { REALISTIC_DAY };

const ENV = {
  CURATOR_READING_LIST: fileURLToPath(new URL('../../config/reading-list.json', import.meta.url)),
  CURATOR_POPULARITY: 'on',
};

/** Of each kind, this many papers (all the starred ones: their "who" lines differ). */
const PER_KIND = 3;

/** The day's papers of every kind, PER_KIND each, in the day's order. */
function everyKind(papers: PaperRecord[]): PaperRecord[] {
  const kinds: ((paper: PaperRecord) => boolean)[] = [
    ...ANNOUNCE_TYPES.map((type) => (paper: PaperRecord) => paper.announceType === type),
    (paper) => paper.title.includes('$'),
    (paper) => /[<&]/.test(paper.title),
    (paper) => paper.title.includes(BROKEN_FORMULA),
    (paper) => paper.authors.some((name) => TEX_ACCENT.test(name)),
    (paper) => paper.authors.length >= SHORTEST_LONG_LIST,
    (paper) => paper.authors.some((name) => NAMESAKES.includes(name)),
    (paper) => paper.comment !== undefined,
    (paper) => paper.categories.length > 2,
  ];
  const chosen = new Set(papers.filter((paper) => paper.authors.some(isStarredForm)));
  for (const kind of kinds) for (const paper of papers.filter(kind).slice(0, PER_KIND)) chosen.add(paper);
  return papers.filter((paper) => chosen.has(paper));
}

/** The rest of the advice on the day: blog posts (with the warning of a feed gone), counts, marks. */
function addAdviceContent(world: TestWorld): void {
  const { db } = world.context;
  const day = REALISTIC_DAY;
  const post = (n: number) => ({
    id: `https://blog.example/${n}`,
    title: `A post about learning & <gradients> number ${n}`,
    url: `https://blog.example/${n}`,
    summary: 'A summary of the post, in a sentence or two.',
    published: `${day}T03:00:00Z`,
  });
  storeSourceItems(db, [post(1), post(2)], { feedId: 'karpathy', feedTitle: 'Karpathy', day, now: `${day}T05:00:00Z` });
  const ids = db.prepare('SELECT paper_id FROM announcements WHERE day = ? LIMIT 3').pluck().all(day) as string[];
  const counts = ids.map((paperId, i) => ({
    paperId,
    title: 't',
    upvotes: 50 - i,
    comments: i,
    githubRepo: 'https://github.com/a/b',
  }));
  storeDailyPapers(
    db,
    day,
    [...counts, { paperId: '2609.99999', title: 'Elsewhere', upvotes: 99 }],
    `${day}T06:00:00Z`,
  );
  setReadMark(db, 'gan', true, `${day}T07:00:00Z`);
  const problems = ['Distill: https://distill.pub/rss.xml: HTTP 404 Not Found'];
  recordRoundPart(db, { part: 'blogs', finishedAt: `${day}T05:00:00Z`, ok: true, summary: 's', problems });
}

/** The day's papers without a starred author, in the day's order: the first three are saved. */
function unstarred(world: TestWorld) {
  return getDayPapers(world.context.db, REALISTIC_DAY, new Map()).filter((paper) => paper.starred.length === 0);
}

export async function createA11yWorld(): Promise<{ world: TestWorld; app: Hono; saved: string }> {
  const key = 'a11y-world';
  let world = fromSeed(key, realisticWorldOptions({ env: ENV }));
  if (world === undefined) {
    world = createTestWorld(realisticWorldOptions({ env: ENV }));
    world.ingestDay(DAY_BEFORE, [makePaper({ id: '2611.00001', title: 'The day before' })]);
    world.ingestDay(REALISTIC_DAY, everyKind(buildRealisticDay({ count: 200 })));
    addAdviceContent(world);
    const day = unstarred(world);
    const at = world.context.now().toISOString();
    const mark = (papers: typeof day) => papers.map((paper) => ({ id: paper.id, at }));
    markPapers(world.context.db, mark(day.slice(0, 3)), 'saved');
    markPapers(world.context.db, mark(day.slice(3, 4)), 'hidden');
    await addWatch(world.context, 'learning -survey');
    ensureRankModel(world.context);
    keepSeed(key, world);
  }
  return { world, app: createApp({ context: world.context, holidays: new Set() }), saved: unstarred(world)[0]!.id };
}
