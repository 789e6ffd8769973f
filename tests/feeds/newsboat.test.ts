// The feeds as a real feed reader keeps them: Debian's newsboat fetches them from a real server
// on loopback (`newsboat -x reload`, its cache read back with SQLite). An OPML import leaves every
// author feed with its items (newsboat keeps one item per guid across all feeds), replacements
// are items of their own titled "(vN)", pubDate is the day in New York, and the daily item is one
// block per paper without our stylesheet.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server.ts';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { texToUnicode } from '../../src/text/tex-math.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';
import { REALISTIC_DAY_FACTS, buildRealisticDay } from '../support/realistic-day.ts';
import { createRealisticWorld } from '../support/realistic-world.ts';

const NEWSBOAT = '/usr/bin/newsboat';
const PYTHON = '/usr/bin/python3';
const hasNewsboat = spawnSync(NEWSBOAT, ['--version']).status === 0;
// In CI (.ci/run installs it) a missing reader must fail the run, not skip it.
const skip = !hasNewsboat && process.env.CI !== 'true';

interface StoredItem {
  guid: string;
  title: string;
  feedurl: string;
  pubDate: number;
  content: string;
}

/**
 * A newsboat of its own: urls, config and cache in a temp dir, HOME there too. It runs
 * asynchronously: the server it reads from answers in this very process.
 */
function createNewsboat() {
  const dir = mkdtempSync(join(tmpdir(), 'curator-newsboat-'));
  const files = { urls: join(dir, 'urls'), config: join(dir, 'config'), cache: join(dir, 'cache.db') };
  writeFileSync(files.urls, '');
  writeFileSync(files.config, '');
  const run = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)(
      NEWSBOAT,
      ['-u', files.urls, '-C', files.config, '-c', files.cache, ...args],
      {
        encoding: 'utf8',
        env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir },
        timeout: 60_000,
      },
    );
    return stdout;
  };
  return {
    subscribe(urls: string[]) {
      writeFileSync(files.urls, urls.map((url) => `${url}\n`).join(''));
    },
    async importOpml(xml: string) {
      writeFileSync(join(dir, 'feeds.opml'), xml);
      await run('-i', join(dir, 'feeds.opml'));
    },
    reload: () => run('-x', 'reload'),
    unread: async () => (await run('-x', 'print-unread')).trim(),
    items(): StoredItem[] {
      const db = new Database(files.cache, { readonly: true });
      try {
        return db.prepare<[], StoredItem>('SELECT guid, title, feedurl, pubDate, content FROM rss_item').all();
      } finally {
        db.close();
      }
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// A plain HTML-to-text pass, as a terminal reader makes one: blocks on their own lines, list items
// as "* ", no stylesheet.
const HTML_TO_TEXT = `
import sys
from html.parser import HTMLParser
class Text(HTMLParser):
    def __init__(self):
        super().__init__(); self.out = []
    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h2", "h3", "blockquote", "ul", "br", "div"): self.out.append("\\n")
        if tag == "li": self.out.append("\\n* ")
    def handle_endtag(self, tag):
        if tag in ("p", "h2", "h3", "blockquote", "ul", "li"): self.out.append("\\n")
    def handle_data(self, data): self.out.append(data)
t = Text(); t.feed(sys.stdin.read()); sys.stdout.write("".join(t.out))
`;

function htmlToText(html: string): string {
  return execFileSync(PYTHON, ['-c', HTML_TO_TEXT], { input: html, encoding: 'utf8' });
}

describe.skipIf(skip)('the feeds in newsboat', () => {
  let world: TestWorld;
  let server: RunningServer;
  let reader: ReturnType<typeof createNewsboat>;
  let items: StoredItem[];

  beforeAll(async () => {
    world = createRealisticWorld();
    server = await startServer(createApp({ context: world.context, holidays: new Set() }), {
      host: '127.0.0.1',
      port: 0,
    });
    reader = createNewsboat();
    await reader.importOpml(await (await fetch(`${server.url}feeds.opml`)).text());
    await reader.reload();
    items = reader.items();
  }, 120_000);

  afterAll(async () => {
    reader?.close();
    await server?.close();
    world?.close();
  });

  it('imports /feeds.opml and leaves no author feed empty', async () => {
    const authors = world.context.starred.current().authors;
    const byFeed = new Map<string, number>();
    for (const item of items) byFeed.set(item.feedurl, (byFeed.get(item.feedurl) ?? 0) + 1);
    expect(byFeed.get(`${server.url}rss.xml`)).toBe(REALISTIC_DAY_FACTS.starred);
    for (const author of authors) {
      const xml = await (await fetch(`${server.url}authors/${author.id}.xml`)).text();
      const served = xml.match(/<item>/g)?.length ?? 0;
      expect(byFeed.get(`${server.url}authors/${author.id}.xml`) ?? 0, author.id).toBe(served);
    }
    // The day's 16 starred papers are spread over the authors who have papers that day.
    const withPapers = authors.filter((author) => (byFeed.get(`${server.url}authors/${author.id}.xml`) ?? 0) > 0);
    expect(withPapers.length).toBeGreaterThanOrEqual(14);
    expect(new Set(items.map((item) => item.guid)).size).toBe(items.length);
  });

  it('dates every item at midnight of its announcement day in New York', () => {
    // 2026-11-26 00:00 EST is 05:00 UTC.
    const midnight = Date.parse('2026-11-26T05:00:00Z') / 1000;
    for (const item of items.filter((item) => !item.title.includes('25 November'))) expect(item.pubDate).toBe(midnight);
  });

  it('reads the daily item as one block per paper: starred ones with abstracts, the rest one line each', () => {
    const daily = items.find((item) => item.feedurl.endsWith('/rss/daily.xml') && item.title.includes('26 November'))!;
    expect(daily.title).toBe('arXiv digest Thursday, 26 November 2026: 1,310 papers, 16 by starred authors');
    const size = Buffer.byteLength(daily.content);
    console.log(`daily item of the realistic day: ${size} bytes of HTML as newsboat stores it`);
    expect(size).toBeLessThan(256 * 1024);
    const text = htmlToText(daily.content);
    const lines = text.split('\n');
    const starred = new Set(REALISTIC_DAY_FACTS.starredIds);
    const papers = buildRealisticDay();
    const listed = lines.filter((line) => line.startsWith('* '));
    expect(listed).toHaveLength(papers.length - starred.size);
    const titles = new Set(listed.map((line) => line.replace(/ \([^()]*\)$/, '')));
    for (const paper of papers) {
      const title = texToUnicode(paper.title);
      if (starred.has(paper.id)) expect(text).toContain(texToUnicode(paper.abstract).slice(0, 200));
      else expect(titles.has(`* ${title}`), paper.id).toBe(true);
    }
    expect(text).not.toMatch(/\\['"]|\\v\{/);
  });

  it('titles a replacement with its version, its guid naming that version', () => {
    const starred = new Set(REALISTIC_DAY_FACTS.starredIds);
    const replacements = buildRealisticDay().filter(
      (paper) => starred.has(paper.id) && paper.announceType!.startsWith('replace'),
    );
    const inStarredFeed = items.filter((item) => item.feedurl.endsWith('/rss.xml') && / \(v\d+\)$/.test(item.title));
    expect(inStarredFeed).toHaveLength(replacements.length);
    for (const paper of replacements) {
      const item = inStarredFeed.find((candidate) => candidate.guid === `arxiv:${paper.id}v${paper.version}`)!;
      expect(item.title.endsWith(` (v${paper.version})`), paper.id).toBe(true);
    }
  });
});

describe.skipIf(skip)('a replaced paper in newsboat', () => {
  it('keeps v1 and v2 as two items in the starred feed and in the author feed', async () => {
    const world = createTestWorld();
    const paper = makePaper({ id: '2611.05555', title: 'Deep nets', authors: ['Ada Lovelace', 'Yoshua Bengio'] });
    world.ingestDay('2026-11-25', [paper]);
    world.ingestDay('2026-11-26', [{ ...paper, version: 2, announceType: 'replace' }]);
    const server = await startServer(createApp({ context: world.context, holidays: new Set() }), {
      host: '127.0.0.1',
      port: 0,
    });
    const reader = createNewsboat();
    try {
      reader.subscribe([`${server.url}rss.xml`, `${server.url}authors/yoshua-bengio.xml`]);
      await reader.reload();
      const titles = (feed: string) =>
        reader
          .items()
          .filter((item) => item.feedurl === `${server.url}${feed}`)
          .map((item) => item.title)
          .sort();
      for (const feed of ['rss.xml', 'authors/yoshua-bengio.xml'])
        expect(titles(feed), feed).toEqual(['[Yoshua Bengio] Deep nets', '[Yoshua Bengio] Deep nets (v2)']);
      expect(await reader.unread()).toBe('4 unread articles');
    } finally {
      reader.close();
      await server.close();
      world.close();
    }
  });
});
