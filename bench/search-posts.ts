// What the blogs' second search query costs beside the papers' one: both run on every /search.
// The realistic full-size day (1,310 papers) and 2,000 posts (more than years of three blogs).
import { performance } from 'node:perf_hooks';
import { searchPapers } from '../src/store/read/search.ts';
import { parseQuery } from '../src/text/query.ts';
import { searchItems } from '../src/store/read/source-items.ts';
import { storeSourceItems } from '../src/store/write/source-items.ts';
import { createRealisticWorld } from '../tests/support/realistic-world.ts';

const WORDS = [
  'learning',
  'neural',
  'gradient',
  'attention',
  'graph',
  'diffusion',
  'bayesian',
  'policy',
  'kernel',
  'energy',
];
const POSTS = 2000;

function timeMs(run: () => unknown, times = 200): number {
  for (let i = 0; i < 20; i++) run();
  const start = performance.now();
  for (let i = 0; i < times; i++) run();
  return (performance.now() - start) / times;
}

const world = createRealisticWorld({});
const { db } = world.context;
const posts = Array.from({ length: POSTS }, (_, i) => ({
  id: `https://blog.example/${i}`,
  title: `Post ${i} on ${WORDS[i % 10]} and ${WORDS[(i * 7) % 10]}`,
  url: `https://blog.example/${i}`,
  summary: `A summary about ${WORDS[(i * 3) % 10]} networks, ${WORDS[(i * 5) % 10]} and more. `.repeat(5),
}));
storeSourceItems(db, posts, { feedId: 'bench', feedTitle: 'Bench', day: '2026-01-01', now: '2026-01-01T00:00:00Z' });
for (const query of ['learning', 'graph neural networks', 'no such word zzzz']) {
  const parsed = { query: parseQuery(query), starredOnly: false, sort: 'relevance' as const };
  const papers = timeMs(() => searchPapers(db, parsed, { offset: 0, limit: 20 }, new Map()));
  const items = timeMs(() => searchItems(db, query));
  console.log(
    `search ${JSON.stringify(query)}: papers ${papers.toFixed(3)} ms, blog posts ${items.toFixed(3)} ms a query (${POSTS} posts)`,
  );
}
world.close();
