// A test world wired to a fake arXiv on loopback: temp database, movable clock, polite client.
import { createArxivClient } from '../../src/app/arxiv-client.ts';
import type { HttpClient } from '../../src/fetcher/http.ts';
import type { StarredAuthor } from '../../src/types.ts';
import { createTestWorld, type TestWorld } from '../support/build-db.ts';
import { startFakeArxiv, type FakeArxiv } from '../support/fake-arxiv.ts';

export const RSS_PATH = '/rss/cs.LG+cs.NE+stat.ML';

export interface ArxivWorld extends TestWorld {
  arxiv: FakeArxiv;
  http: HttpClient;
  /** Moves the clock the context reads. */
  setNow(iso: string): void;
  dispose(): Promise<void>;
}

export async function createArxivWorld(
  nowIso: string,
  env: NodeJS.ProcessEnv = {},
  options: { authors?: StarredAuthor[]; realMatcher?: boolean } = {},
): Promise<ArxivWorld> {
  const arxiv = await startFakeArxiv();
  let now = new Date(nowIso);
  const world = createTestWorld({
    ...options,
    now: () => now,
    env: {
      ARXIV_RSS_BASE: `${arxiv.url}/rss/`,
      ARXIV_API_URL: `${arxiv.url}/api/query`,
      ARXIV_OAI_URL: `${arxiv.url}/oai`,
      ARXIV_AUTHOR_URL: `${arxiv.url}/a/`,
      HF_PAPERS_URL: `${arxiv.url}/hf/api/daily_papers`,
      ARXIV_MIN_INTERVAL_MS: '0',
      ...env,
    },
  });
  const http = createArxivClient(world.context);
  return {
    ...world,
    arxiv,
    http,
    setNow: (iso) => void (now = new Date(iso)),
    dispose: async () => {
      await http.close();
      await arxiv.close();
      world.close();
    },
  };
}

export function storedDays(world: TestWorld): string[] {
  return (world.context.db.prepare('SELECT day FROM days ORDER BY day').all() as { day: string }[]).map((r) => r.day);
}

export function countAnnouncements(world: TestWorld, day: string): number {
  return (world.context.db.prepare('SELECT count(*) AS n FROM announcements WHERE day = ?').get(day) as { n: number })
    .n;
}
