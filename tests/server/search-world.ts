// The store the search tests ask: the realistic day (1,310 real records with TeX-accented and
// starred names) on 2026-11-26, and on 2026-11-27 the hard cases those tests name.
import { createApp } from '../../src/server.ts';
import type { PaperRecord } from '../../src/types.ts';
import { fromSeed, keepSeed } from '../support/seeded-world.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';
import { buildRealisticDay, describeRealisticDay, type RealisticDayFacts } from '../support/realistic-day.ts';

export const HARD_CASES = {
  transformers: makePaper({
    id: '2611.90001',
    title: 'Transformers Learn In-Context by Gradient Descent',
    authors: ['Johannes von Oswald', 'Eyvind Niklasson'],
  }),
  graves: makePaper({
    id: '2611.90002',
    title: 'Sequence Transduction with Recurrent Neural Networks',
    authors: ['Alex Graves'],
  }),
  grave: makePaper({
    id: '2611.90003',
    title: 'Bag of Tricks for Efficient Text Classification',
    authors: ['Armand Joulin', 'Edouard Grave', 'Piotr Bojanowski', 'Tomas Mikolov'],
  }),
  citesGraves: makePaper({
    id: '2611.90004',
    title: 'Handwriting Synthesis Revisited',
    abstract: 'We revisit the mixture density network of Graves and of Hinton for online handwriting.',
    authors: ['Ada Lovelace'],
  }),
  melisUnicode: makePaper({
    id: '2611.90005',
    title: 'On the State of the Art of Evaluation',
    authors: ['Gábor Melis'],
  }),
  melisAscii: makePaper({ id: '2611.90006', title: 'Mogrifier LSTM', authors: ['Gabor Melis', 'Tomáš Kočiský'] }),
  hinton: makePaper({ id: '2611.90007', title: 'Dynamic Routing Between Capsules', authors: ['Geoffrey E. Hinton'] }),
  oldStyle: makePaper({ id: 'cs/0112017', version: 2, title: 'An Old-Style Paper on Learning', categories: ['cs.LG'] }),
  phrase: makePaper({
    id: '2611.90008',
    title: 'Diffusion Policy: Visuomotor Policy Learning via Action Diffusion',
    categories: ['cs.RO', 'cs.LG'],
  }),
  notPhrase: makePaper({
    id: '2611.90009',
    title: 'Policy Gradients on Graphs',
    abstract: 'A policy for graphs, then diffusion on them.',
    categories: ['cs.LG'],
  }),
  hostile: makePaper({
    id: '2611.90010',
    title: 'Plain <script>alert(1)</script> & \uE010fake\uE011 marks',
    abstract: 'An abstract with <mark>markup</mark> & entities about hostile inputs.',
    categories: ['cs.CR'],
  }),
} satisfies Record<string, PaperRecord>;

export interface SearchWorld {
  world: TestWorld;
  facts: RealisticDayFacts;
  realistic: PaperRecord[];
  app: ReturnType<typeof createApp>;
  /** GET a path; returns the status and body. */
  get(path: string): Promise<{ status: number; html: string; headers: Headers }>;
  /** The ids a search lists, in order. */
  ids(query: string | Record<string, string>): Promise<string[]>;
}

/** The realistic day and the hard cases the day after; the database built once per process (seeded-world.ts). */
export function createSearchWorld(): SearchWorld {
  const realistic = buildRealisticDay();
  let world = fromSeed('search-world', {});
  if (world === undefined) {
    world = createTestWorld();
    world.ingestDay('2026-11-26', realistic);
    world.ingestDay('2026-11-27', Object.values(HARD_CASES));
    keepSeed('search-world', world);
  }
  const app = createApp({ context: world.context, holidays: new Set() });
  const get = async (path: string) => {
    const response = await app.request(path);
    return { status: response.status, html: await response.text(), headers: response.headers };
  };
  return {
    world,
    realistic,
    app,
    facts: describeRealisticDay(realistic),
    get,
    async ids(query) {
      const params = new URLSearchParams(typeof query === 'string' ? { q: query } : query);
      const { html } = await get(`/search?${params}`);
      return [...html.matchAll(/<li(?: class=s>.*?)?><a href=https:\/\/arxiv\.org\/abs\/([^>\s]+)>/g)].map(
        (match) => match[1]!,
      );
    },
  };
}
