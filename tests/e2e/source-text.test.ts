// Text from every source is cleaned at ingest as arXiv's is: blogs (RSS and JSON Feed), Hugging
// Face's Daily Papers, config/feeds.json and config/reading-list.json. Control characters (ESC
// sequences, BEL, C1) and bidi overrides (U+202E shows `gpj.exe` as `exe.jpg`) never reach the
// store, /digest/D.json, the page, /blogs.xml, /top or /start, served by a real listening server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { runRoundParts } from '../../src/jobs/round.ts';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { createApp } from '../../src/server.ts';
import { listPopularPapers } from '../../src/store/read/popularity.ts';
import { listItems } from '../../src/store/read/source-items.ts';
import { hasControlCharacters } from '../../src/text/control.ts';
import { makePaper } from '../support/build-db.ts';
import { replyText } from '../support/fake-arxiv.ts';
import { createArxivWorld, type ArxivWorld } from '../jobs/world.ts';

const NOW = '2026-04-28T04:40:00Z';
const DAY = '2026-04-28';
// Clears the screen, rings, turns text red (C1 CSI), reverses what follows (RLO), isolates (RLI).
const HOSTILE = '\u001b[2JRung\u0007 \u009b31mred \u202egpj.exe\u202c \u2067isolated\u2069';
// The same as a feed writes it in XML: numeric references, which decode to the characters (but C1 raw:
// HTML reads `&#x9b;` as windows-1252's `›`).
const HOSTILE_XML = '&#x1b;[2JRung&#x7; \u009b31mred &#x202e;gpj.exe&#x202c; &#x2067;isolated&#x2069;';
const CLEAN = 'Rung red gpj.exe isolated';

let world: ArxivWorld | undefined;
let server: RunningServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  await world?.dispose();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

function writeConfigFiles(base: string): { feedsPath: string; readingListPath: string } {
  dir = mkdtempSync(join(tmpdir(), 'source-text-'));
  const feedsPath = join(dir, 'feeds.json');
  const feeds = [
    { id: 'rss', title: `RSS blog ${HOSTILE}`, url: `${base}/rss.xml` },
    { id: 'json', title: 'JSON blog', url: `${base}/feed.json` },
  ];
  writeFileSync(feedsPath, JSON.stringify({ feeds }));
  const readingListPath = join(dir, 'reading-list.json');
  const entry = { id: 'odd', title: `Title ${HOSTILE}`, authors: [`Ada ${HOSTILE}`], why: `Why ${HOSTILE}` };
  writeFileSync(readingListPath, JSON.stringify({ entries: [{ ...entry, links: [{ label: 'x', url: '/start' }] }] }));
  return { feedsPath, readingListPath };
}

it('cleans blogs, Hugging Face and the hand-edited files at ingest, so no page or JSON shows them', async () => {
  world = await createArxivWorld(NOW, { CURATOR_POPULARITY: 'on' });
  world.ingestDay(DAY, [makePaper({ id: '2604.11852', title: 'A stored paper' })]);
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>b</title><link>https://b.example/</link>
<description>d</description><item><guid>post-1${HOSTILE_XML}</guid><title>Post ${HOSTILE_XML}</title>
<link>https://b.example/1</link><description>Summary ${HOSTILE_XML}</description><pubDate>Tue, 28 Apr 2026 01:00:00 GMT</pubDate></item></channel></rss>`;
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'j',
    items: [{ id: 'j1', url: 'https://j.example/1', title: `JSON ${HOSTILE}`, date_published: '2026-04-28T01:00:00Z' }],
  });
  const hf = JSON.stringify([
    {
      paper: { id: '2604.11852', title: `Popular ${HOSTILE}`, upvotes: 9, githubRepo: 'https://github.com/a/b\u202e' },
    },
    { paper: { id: '2604.99999', title: `Elsewhere ${HOSTILE}`, upvotes: 3 } },
  ]);
  world.arxiv.on('/rss.xml', replyText(rss, { headers: { 'content-type': 'application/rss+xml' } }));
  world.arxiv.on('/feed.json', replyText(json, { headers: { 'content-type': 'application/feed+json' } }));
  world.arxiv.on('/hf/api/daily_papers', replyText(hf, { headers: { 'content-type': 'application/json' } }));
  const paths = writeConfigFiles(world.arxiv.url);
  const context = { ...world.context, config: { ...world.context.config, ...paths } };
  const parts = await runRoundParts(
    context,
    { arxiv: world.http, web: world.http },
    { holidays: new Set(), parts: ['blogs', 'popularity'] },
  );
  expect(parts.map((part) => part.ok)).toEqual([true, true]);

  // Stored clean: the words stay, the characters go.
  const items = listItems(world.context.db, 10);
  expect(items.map((item) => [item.title, item.summary])).toEqual(
    expect.arrayContaining([
      [`Post ${CLEAN}`, `Summary ${CLEAN}`],
      [`JSON ${CLEAN}`, ''],
    ]),
  );
  for (const item of items) expect(hasControlCharacters(JSON.stringify(Object.values(item)))).toBe(false);
  const popular = listPopularPapers(world.context.db, DAY, DAY, 10);
  expect(popular.map((paper) => paper.hfTitle).sort()).toEqual([`Elsewhere ${CLEAN}`, `Popular ${CLEAN}`]);
  expect(popular.find((paper) => paper.paperId === '2604.11852')?.githubRepo).toBeNull();

  server = await startServer(createApp({ context, holidays: new Set() }), { host: '127.0.0.1', port: 0 });
  for (const path of [`digest/${DAY}.json`, `digest/${DAY}`, '', 'blogs.xml', 'top', 'start']) {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status, path).toBe(200);
    const body = await response.text();
    // JSON writes a control character as \u001b, which is no better: look for the escapes too.
    expect(hasControlCharacters(body), path).toBe(false);
    expect(body, path).not.toMatch(/\\u(00[01][0-9a-f]|00[89][0-9a-f]|202[a-e]|206[6-9])/i);
  }
  const start = await (await fetch(`${server.url}start`)).text();
  expect(start).toContain(`Title ${CLEAN}`);
  expect(start).toContain(`Why ${CLEAN}`);
  expect(await (await fetch(`${server.url}top`)).text()).toContain(`Elsewhere ${CLEAN}`);
});
