// Versions from the database, as a feed reader meets them: right after a save, a hide, a star or a
// watch made from the page, a client revalidating /saved.xml, a watch's feed, an author's feed or
// the day's page with the validators it was given (If-Modified-Since alone, or If-None-Match)
// gets 200 and the new content, never a 304 for its old copy.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openContext, type Context } from '../../src/app/context.ts';
import { silentLogger } from '../../src/app/log.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/server.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { insertWatch } from '../../src/store/write/watches.ts';
import { makePaper } from '../support/build-db.ts';

const SHIPPED = fileURLToPath(new URL('../../config/authors.json', import.meta.url));
const FORM = {
  origin: 'http://127.0.0.1:3000',
  'content-type': 'application/x-www-form-urlencoded',
  accept: 'application/json',
};
const ADDRESSES = ['/', '/saved.xml', '/watches/diffusion.xml', '/authors/yoshua-bengio.xml'];

let dir: string;
let context: Context;
let app: ReturnType<typeof createApp>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-versions-'));
  writeFileSync(join(dir, 'authors.json'), readFileSync(SHIPPED));
  const config = loadConfig({ CURATOR_DB: join(dir, 'curator.db'), CURATOR_AUTHORS: join(dir, 'authors.json') });
  context = openContext(config, { log: silentLogger, now: () => new Date('2026-09-25T12:00:00Z') });
  const papers = [
    makePaper({ id: '2609.00001', title: 'Diffusion policies for robots', authors: ['Yoshua Bengio'] }),
    makePaper({ id: '2609.00002', title: 'Analytical engines revisited', authors: ['Ada Lovelace'] }),
  ];
  ingestFeed(
    context.db,
    { format: 'rss', announcedOn: '2026-09-25', papers },
    {
      source: 'rss',
      categories: context.config.categories,
      flags: context.starred.current(),
      now: '2026-09-25T04:00:00Z',
    },
  );
  insertWatch(context.db, { slug: 'diffusion', query: 'diffusion', mail: true }, '2026-09-25T05:00:00Z');
  app = createApp({ context, holidays: new Set() });
});
afterEach(() => {
  context.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The store as it stood an hour ago, so the pages' Last-Modified is sent (its second is long over). */
const backdate = () => context.db.prepare('UPDATE data_version SET changed_at = changed_at - 3600').run();

const post = async (path: string, body = '') => {
  const response = await app.request(path, { method: 'POST', headers: FORM, body });
  expect(response.status, path).toBeLessThan(400);
};

const ACTIONS: [string, () => Promise<void>, [path: string, shows: string][]][] = [
  [
    'a save',
    () => post('/papers/2609.00001/save'),
    [
      ['/saved.xml', 'Diffusion policies for robots'],
      ['/', '/papers/2609.00001/unsave'],
    ],
  ],
  ['a hide', () => post('/papers/2609.00002/hide'), [['/', 'show 1 hidden']]],
  ['a star', () => post('/papers/2609.00002/star', 'a=0'), [['/authors/ada-lovelace.xml', 'Analytical engines']]],
  ['a watch', () => post('/watches', 'q=engines'), [['/watches/engines.xml', 'Analytical engines']]],
];

describe.each(ACTIONS)('right after %s from the page', (_what, act, shows) => {
  it('a client with the old Last-Modified or ETag gets 200 and the new content', async () => {
    backdate();
    const before = new Map<string, { etag: string; lastModified: string }>();
    for (const path of ADDRESSES) {
      const first = await app.request(path);
      expect(first.status, path).toBe(200);
      before.set(path, { etag: first.headers.get('etag')!, lastModified: first.headers.get('last-modified')! });
      // Their copy is current: a 304, both ways.
      const since = await app.request(path, { headers: { 'If-Modified-Since': before.get(path)!.lastModified } });
      expect(since.status, path).toBe(304);
    }
    await act();
    for (const path of ADDRESSES) {
      const { etag, lastModified } = before.get(path)!;
      const since = await app.request(path, { headers: { 'If-Modified-Since': lastModified } });
      expect(since.status, `${path} with If-Modified-Since`).toBe(200);
      const match = await app.request(path, { headers: { 'If-None-Match': etag } });
      expect(match.status, `${path} with If-None-Match`).toBe(200);
    }
    for (const [path, text] of shows) expect(await (await app.request(path)).text(), path).toContain(text);
  });
});
