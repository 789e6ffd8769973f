// A first start without network, as a new user meets it: the real scheduler (its clock and sleeps
// injected) runs its whole round against a closed port on loopback (arXiv's feed, the starred
// authors, the reading list, three blogs, Hugging Face), then `/` says in one paragraph what is
// happening and what to do meanwhile, lists each source's failure once with readable URLs, and
// loads itself again until the first day is stored; /healthz reports each part as it went.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArxivClient } from '../../src/app/arxiv-client.ts';
import { createWebClient } from '../../src/app/web-client.ts';
import type { HttpClient } from '../../src/fetcher/http.ts';
import { startBackgroundJobs, type BackgroundJobs } from '../../src/jobs/background.ts';
import { createApp } from '../../src/server.ts';
import { findClosedPort } from '../support/fake-arxiv.ts';
import { createArxivWorld, type ArxivWorld } from '../jobs/world.ts';
import { makePaper } from '../support/build-db.ts';

const noWait = async () => {};
let world: ArxivWorld;
let dir: string;
let clients: HttpClient[];
let jobs: BackgroundJobs;

beforeEach(async () => {
  const closed = `http://127.0.0.1:${await findClosedPort()}`;
  dir = mkdtempSync(join(tmpdir(), 'curator-first-start-'));
  const feeds = join(dir, 'feeds.json');
  const blogs = ['karpathy', 'distill', 'greydanus'].map((id) => ({ id, title: id, url: `${closed}/${id}.xml` }));
  writeFileSync(feeds, JSON.stringify({ feeds: blogs }));
  world = await createArxivWorld('2026-04-28T13:40:00Z', {
    ARXIV_RSS_BASE: `${closed}/rss/`,
    ARXIV_API_URL: `${closed}/api/query`,
    ARXIV_AUTHOR_URL: `${closed}/a/`,
    HF_PAPERS_URL: `${closed}/api/daily_papers`,
    CURATOR_FEEDS: feeds,
    CURATOR_READING_LIST: fileURLToPath(new URL('../../config/reading-list.json', import.meta.url)),
    CURATOR_AUTHOR_UPLOADS: 'on',
    CURATOR_POPULARITY: 'on',
  });
  // Retries without waiting: the scheduler's own wait for its next try is the one that holds.
  const arxiv = createArxivClient(world.context, { sleep: noWait });
  const web = createWebClient(world.context.config, { sleep: noWait });
  clients = [arxiv, web];
  let waiting!: () => void;
  const retryPlanned = new Promise<void>((resolve) => (waiting = resolve));
  jobs = startBackgroundJobs(world.context, arxiv, {
    web,
    trigger: () => ({ stop: () => {} }),
    sleep: (_ms, signal) =>
      new Promise((_resolve, reject) => {
        waiting();
        signal?.addEventListener('abort', () => reject(signal.reason as Error));
      }),
  });
  await retryPlanned;
});

afterEach(async () => {
  await jobs.stop();
  for (const client of clients) await client.close();
  await world.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('a first start without network', () => {
  it('explains itself on / and updates itself until the first day is stored', async () => {
    const app = createApp({ context: world.context, holidays: new Set(), status: () => jobs.status() });
    const first = await app.request('/');
    expect(first.status).toBe(200);
    const html = await first.text();
    const paragraph = /<p role=status>([\s\S]*?)<\/p>/.exec(html)![1]!;
    expect(paragraph).toMatch(
      /^arXiv cannot be reached \(.*127\.0\.0\.1.*\)\. Trying again at Tue, Apr 28, 09:45 New York time\. /,
    );
    expect(paragraph).toContain('<code>npx arxiv-curator import &lt;file&gt;</code>');
    expect(paragraph).toContain('href="http://127.0.0.1:3000/start"');
    expect(paragraph).toContain('This page updates itself.');
    expect(html).toMatch(/<meta http-equiv=refresh content=\d+>/);
    // Each source that failed, once, folded, its URL as people read it.
    const problems = [...html.matchAll(/<li>([^<]*)/g)].map((match) => match[1]!);
    expect(problems.map((line) => line.split(':')[0])).toEqual([
      'Starred authors’ uploads',
      'Blogs',
      'Popularity counts',
      'Reading list',
    ]);
    expect(html).toMatch(/<details class="n warn"><summary>The last daily round had 4 problems<\/summary>/);
    expect(problems.join('\n')).not.toMatch(/%[0-9A-F]{2}/);
    expect(problems[0]).toContain('search_query=au:&quot;Yoshua Bengio&quot; OR au:&quot;Y. Bengio&quot;');

    // The first day arrives (the next try, or an import): the reader's next reload shows it.
    world.ingestDay('2026-04-28', [makePaper({ id: '2604.20001', title: 'The first paper' })]);
    const later = await app.request('/', { headers: { 'If-None-Match': first.headers.get('etag')! } });
    expect(later.status).toBe(200);
    const digest = await later.text();
    expect(digest).toContain('The first paper');
    expect(digest).not.toContain('http-equiv=refresh');
  });

  it('/healthz says how each part of the round went: none did its work', async () => {
    const app = createApp({ context: world.context, holidays: new Set(), status: () => jobs.status() });
    const health = (await (await app.request('/healthz')).json()) as {
      status: string;
      reasons: string[];
      round: Record<string, { ok: boolean; summary: string; problems: string[] }>;
    };
    expect(health.status).toBe('degraded');
    expect(health.round).toMatchObject({
      authors: { ok: false, summary: '0 of 2 starred authors checked, no new paper' },
      blogs: { ok: false, summary: '0 of 3 feeds read, 0 new posts' },
      'reading-list': { ok: false },
      popularity: { ok: false },
    });
    // One problem per part: the first failed request stops the authors' part, not one line per author.
    expect(health.round['authors']!.problems).toHaveLength(1);
    expect(health.reasons.filter((reason) => reason.startsWith("the round's"))).toHaveLength(4);
  });
});
