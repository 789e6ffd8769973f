// Triage in a real Chromium, on a real server on loopback with its own SQLite file and authors
// file: save, hide, star an author and add a watch through the page, without JavaScript (form
// POSTs, 303 back to the paper) and with it (fetch, updated in place, no navigation); and a page
// on another origin (another port of 127.0.0.1) whose hidden form tries to save and star.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openContext, type Context } from '../../src/app/context.ts';
import { silentLogger } from '../../src/app/log.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/server.ts';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { readMarks } from '../../src/store/read/marks.ts';
import { listSeenDays } from '../../src/store/read/seen.ts';
import { listWatches } from '../../src/store/read/watches.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { makePaper } from '../support/build-db.ts';
import { closeChromium, keepOnLoopback, sharedChromium, skipWithoutChromium } from '../support/browser.ts';

const SHIPPED = fileURLToPath(new URL('../../config/authors.json', import.meta.url));
const DAY = '2026-09-24';

describe.skipIf(skipWithoutChromium)('triage in Chromium', () => {
  let dir: string;
  let context: Context;
  let server: RunningServer;
  let elsewhere: Server;
  let elsewhereUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'curator-browser-triage-'));
    writeFileSync(join(dir, 'authors.json'), readFileSync(SHIPPED));
    const config = loadConfig({ CURATOR_DB: join(dir, 'curator.db'), CURATOR_AUTHORS: join(dir, 'authors.json') });
    context = openContext(config, { log: silentLogger, now: () => new Date('2026-09-25T12:00:00Z') });
    const papers = Array.from({ length: 40 }, (_, i) =>
      makePaper({
        id: `2609.${String(10001 + i)}`,
        title: i === 5 ? 'Diffusion policy for robot arms' : `Paper number ${i}`,
        abstract: `An abstract about topic ${i}. `.repeat(8),
        authors: i === 7 ? ['Ada Lovelace', 'Charles Babbage'] : ['Alan Turing'],
      }),
    );
    ingestFeed(
      context.db,
      { format: 'rss', announcedOn: DAY, papers },
      { source: 'rss', categories: config.categories, flags: context.starred.current(), now: `${DAY}T04:00:00Z` },
    );
    ingestFeed(
      context.db,
      { format: 'rss', announcedOn: '2026-09-23', papers: [makePaper({ id: '2609.09999', title: 'The day before' })] },
      { source: 'rss', categories: config.categories, flags: context.starred.current(), now: '2026-09-23T04:00:00Z' },
    );
    server = await startServer(createApp({ context, holidays: new Set() }), { host: '127.0.0.1', port: 0 });
    // Another origin: a page whose hidden forms post to our server as soon as it loads.
    elsewhere = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><body>
<form id=save method=post action="${server.url}papers/2609.10001/save" target=a></form><iframe name=a></iframe>
<form id=star method=post action="${server.url}papers/2609.10008/star" target=b><input name=a value=0></form><iframe name=b></iframe>
<script>document.getElementById('save').submit(); document.getElementById('star').submit();</script></body>`);
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}/`;
    browser = await sharedChromium();
  }, 60_000);

  afterAll(async () => {
    await closeChromium({ server, browser });
    await new Promise((resolve) => elsewhere?.close(resolve));
    context?.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(javaScriptEnabled: boolean): Promise<{ browserContext: BrowserContext; page: Page }> {
    const browserContext = await browser.newContext({ viewport: { width: 412, height: 800 }, javaScriptEnabled });
    await keepOnLoopback(browserContext);
    const page = await browserContext.newPage();
    await page.goto(`${server.url}digest/${DAY}`);
    return { browserContext, page };
  }

  const paper = (page: Page, id: string) => page.locator(`li[id="p-${id}"]`);

  it('works without JavaScript: each form posts and comes back to the paper', async () => {
    const { browserContext, page } = await open(false);
    await paper(page, '2609.10030').getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${server.url}digest/${DAY}#p-2609.10030`);
    // Back at the paper: it is on screen, and says it is saved.
    expect(await paper(page, '2609.10030').isVisible()).toBe(true);
    const top = await paper(page, '2609.10030').evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(800);
    expect(await paper(page, '2609.10030').getByRole('button', { name: 'Saved' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    // A hidden paper leaves the page: the browser lands on the next one, in view.
    await paper(page, '2609.10029').getByRole('button', { name: 'Hide' }).click();
    await page.waitForURL(/#p-2609\.10028$/);
    expect(await paper(page, '2609.10029').count()).toBe(0);
    const next = await paper(page, '2609.10028').evaluate((element) => element.getBoundingClientRect().top);
    expect(next).toBeGreaterThanOrEqual(-1);
    expect(next).toBeLessThan(800);
    // A name searches that author; starring is the paper's own control, a page of its authors.
    expect(await paper(page, '2609.10008').getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href')).toBe(
      `${server.url}search?q=author%3A%22Ada%20Lovelace%22`,
    );
    await paper(page, '2609.10008').getByRole('link', { name: 'Star an author of this paper' }).click();
    await page.getByRole('button', { name: 'Star Ada Lovelace' }).click();
    await page.waitForURL(`${server.url}digest/${DAY}#p-2609.10008`);
    expect(await page.locator('#starred li').first().textContent()).toContain('★ Ada Lovelace');
    expect(JSON.parse(readFileSync(join(dir, 'authors.json'), 'utf8')).authors.at(-1)).toEqual({
      id: 'ada-lovelace',
      name: 'Ada Lovelace',
    });
    await page.goto(`${server.url}watches`);
    await page.getByLabel('Watch for').fill('"diffusion policy" -survey');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.waitForURL(/\/watches#watch-diffusion-policy-survey$/);
    await page.goto(`${server.url}digest/${DAY}`);
    expect(await page.locator('#watch-diffusion-policy-survey').textContent()).toBe(
      'Watch: "diffusion policy" -survey (1)',
    );
    // Without the script nothing marks the day read; the button does.
    expect(listSeenDays(context.db).has(DAY)).toBe(false);
    // Pressed from the keyboard: the button is at the end of a long page whose papers are laid out
    // only as they come into view, and a click there waited 30 s in two full suite runs (the button
    // likely moved as the papers above it were drawn). The form's answer is awaited (the 303 asks
    // for the day again), not the load event of the page it lands on.
    await page.getByRole('button', { name: 'Mark this day read' }).focus();
    await Promise.all([page.waitForURL(/#archive$/, { waitUntil: 'commit' }), page.keyboard.press('Enter')]);
    expect(listSeenDays(context.db).has(DAY)).toBe(true);
    expect([...readMarks(context.db)].sort()).toEqual([
      ['2609.10029', 'hidden'],
      ['2609.10030', 'saved'],
    ]);
    await browserContext.close();
  });

  it('works with JavaScript: the page is updated in place, without navigating', async () => {
    const { browserContext, page } = await open(true);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await paper(page, '2609.10020').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => paper(page, '2609.10020').locator('button[aria-pressed=true]').textContent()).toBe('Saved');
    // Said in the status line fixed at the bottom of the window, with a way to undo it.
    await expect.poll(() => page.locator('#st').textContent()).toBe('Saved to the library. Undo');
    expect(await page.locator('#st').evaluate((status) => getComputedStyle(status).position)).toBe('fixed');
    await paper(page, '2609.10019').getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => paper(page, '2609.10019').getAttribute('class')).toBe('h');
    await expect.poll(() => page.locator('#st').textContent()).toContain('Hidden');
    // Pressing "Saved" again undoes it.
    await paper(page, '2609.10020').getByRole('button', { name: 'Saved' }).click();
    await expect.poll(() => readMarks(context.db).has('2609.10020')).toBe(false);
    await paper(page, '2609.10008').getByRole('link', { name: 'Star an author of this paper' }).click();
    await paper(page, '2609.10008').getByRole('button', { name: 'Star Charles Babbage' }).click();
    await expect.poll(() => paper(page, '2609.10008').locator('mark', { hasText: 'Charles Babbage' }).count()).toBe(1);
    // The message counts the papers that name flags (one here), not every paper flagged again.
    await expect
      .poll(() => page.locator('#st').textContent())
      .toBe(
        'Starred Charles Babbage: 1 stored paper by that name flagged (reload to see them under Starred authors). Undo',
      );
    expect(
      await paper(page, '2609.10008')
        .getByRole('button', { name: 'Unstar Charles Babbage' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(page.url()).toBe(`${server.url}digest/${DAY}`);
    expect(readMarks(context.db).get('2609.10019')).toBe('hidden');
    expect(JSON.parse(readFileSync(join(dir, 'authors.json'), 'utf8')).authors.at(-1)).toMatchObject({
      name: 'Charles Babbage',
    });
    // Opening a day with the script marks it read.
    expect(listSeenDays(context.db).has('2026-09-23')).toBe(false);
    await page.goto(`${server.url}digest/2026-09-23`);
    await expect.poll(() => listSeenDays(context.db).has('2026-09-23')).toBe(true);
    await browserContext.close();
  });

  it('refuses the hidden forms of a page on another origin', async () => {
    const before = readFileSync(join(dir, 'authors.json'), 'utf8');
    const marks = [...readMarks(context.db)];
    const browserContext = await browser.newContext();
    await keepOnLoopback(browserContext);
    const page = await browserContext.newPage();
    const refused: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST') refused.push(response.status());
    });
    await page.goto(elsewhereUrl);
    await expect.poll(() => refused.length).toBe(2);
    expect(refused).toEqual([403, 403]);
    expect([...readMarks(context.db)]).toEqual(marks);
    expect(readFileSync(join(dir, 'authors.json'), 'utf8')).toBe(before);
    expect(listWatches(context.db)).toHaveLength(1);
    await browserContext.close();
  });
});
