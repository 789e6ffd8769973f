// The ten-minute morning in a real Chromium on the realistic day (1,310 papers, ranked): the one
// ranked list with its scores and cut-off, the compact view, the keys that triage (s, h, u) with
// one current paper in view and the status line in the window, seen papers surviving a reload and
// a restart of the server, and a scripted reader who goes through the whole day with the keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openContext, type Context } from '../../src/app/context.ts';
import { silentLogger } from '../../src/app/log.ts';
import { ensureRankModel } from '../../src/jobs/retrain.ts';
import { createApp } from '../../src/server.ts';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { readMarks } from '../../src/store/read/marks.ts';
import { listSeenPapers } from '../../src/store/read/seen.ts';
import { loadDayDigest } from '../../src/views/day.ts';
import type { TestWorld } from '../support/build-db.ts';
import { closeChromium, keepOnLoopback, serveToChromium, skipWithoutChromium } from '../support/browser.ts';
import { REALISTIC_DAY, createRealisticWorld } from '../support/realistic-world.ts';

const DAY_PATH = `digest/${REALISTIC_DAY}`;

// Generous limits for a shared machine; on an idle one the file takes about ten seconds.
describe.skipIf(skipWithoutChromium)('the ten-minute morning in Chromium', { timeout: 120_000 }, () => {
  let world: TestWorld;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    world = createRealisticWorld();
    ensureRankModel(world.context);
    ({ server, browser } = await serveToChromium(createApp({ context: world.context, holidays: new Set() })));
  }, 120_000);

  afterAll(async () => {
    await closeChromium({ server, browser });
    world?.close();
  });

  /** A page of the day in a window of its own, once its script has started. */
  async function open(path = DAY_PATH, viewport = { width: 1366, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    await keepOnLoopback(context);
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => document.getElementById('keys')?.textContent?.includes('Keys'));
    return page;
  }

  const current = (page: Page) => page.locator('[aria-current=true]');
  /** At least a line of it shows in the window. */
  const inWindow = (page: Page, selector: string) =>
    page.locator(selector).evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.top <= window.innerHeight - 24 && box.bottom >= 24;
    });

  it('lists the day as one ranked list: scores as whole percents, each paper labelled, one cut-off line', async () => {
    const page = await open(`${DAY_PATH}?sort=score`);
    const view = loadDayDigest(world.context, new Set(), REALISTIC_DAY, { sort: 'score', page: true }).view;
    const rows = await page.locator('#ranked li').evaluateAll((items) =>
      items.map((li) => ({
        score: li.querySelector('.score')?.textContent ?? '',
        facts: li.querySelector('.m')?.textContent ?? '',
        cut: li.compareDocumentPosition(document.getElementById('cutoff')!) & Node.DOCUMENT_POSITION_FOLLOWING,
      })),
    );
    expect(rows).toHaveLength(view.ranked!.papers.length);
    expect(rows.length).toBe(1310 - view.counts.starred);
    const percents = rows.map((row) => Number(/^(\d{1,3})%$/.exec(row.score)![1]));
    expect(percents).toEqual([...percents].sort((a, b) => b - a));
    for (const row of rows) expect(row.facts).toMatch(/· (?:new|cross-list|replacement|cross-list replacement) · /);
    expect(await page.locator('#cutoff').count()).toBe(1);
    // Light enough for a phone: at most 20 elements a paper, every abstract in the page.
    const weight = await page.evaluate(() => [
      document.getElementsByTagName('*').length,
      document.querySelectorAll('details.ab').length,
    ]);
    expect(weight[0]! / 1310).toBeLessThanOrEqual(20);
    expect(weight[1]).toBe(1310);
    expect(rows.filter((row) => row.cut).length).toBe(view.ranked!.cutoff);
    // The reader makes it the default order: the day's page without `sort` is the ranked list.
    // Pressed without waiting for the big page to come back (on a busy machine that is slow).
    await Promise.all([
      page.waitForURL(/#contents$/, { timeout: 100_000 }),
      page.getByRole('button', { name: 'make it the default' }).evaluate((button) => (button as HTMLElement).click()),
    ]);
    const plain = async () => (await fetch(`${server.url}${DAY_PATH}`)).text();
    expect(await plain()).toContain('<section id=ranked>');
    await page.context().close();
    const json = { 'content-type': 'application/json', accept: 'application/json' };
    const back = await fetch(`${server.url}settings/order`, {
      method: 'POST',
      headers: json,
      body: '{"sort":"arxiv"}',
    });
    expect(await back.json()).toEqual({ sort: 'arxiv' });
    expect(await plain()).not.toContain('<section id=ranked>');
  });

  it('shows at least 15 papers in a 1366x900 window with titles only; t switches, remembered on the device', async () => {
    const page = await open(`${DAY_PATH}?view=titles`);
    await page
      .locator('#new li')
      .first()
      .evaluate((li) => li.scrollIntoView({ block: 'start' }));
    const whole = await page.locator('main li[data-p]').evaluateAll(
      (items) =>
        items.filter((li) => {
          const box = li.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }).length,
    );
    expect(whole).toBeGreaterThanOrEqual(15);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length / 1310)).toBeLessThanOrEqual(20);
    // Every abstract is still one key away, and starred ones start folded too.
    expect(await page.locator('#starred details.ab[open]').count()).toBe(0);
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    expect(await current(page).locator('details.ab').getAttribute('open')).toBe('');
    await page.keyboard.press('t');
    expect(await page.evaluate(() => document.documentElement.className)).toBe('');
    expect(page.url()).toBe(`${server.url}${DAY_PATH}`);
    await page.keyboard.press('t');
    expect(page.url()).toBe(`${server.url}${DAY_PATH}?view=titles`);
    await page.goto(`${server.url}${DAY_PATH}`);
    await page.waitForFunction(() => document.documentElement.classList.contains('t'));
    await page.keyboard.press('t');
    await page.context().close();
  });

  it('saves with s and hides with h, each moving on; u undoes; one current paper, in view; the result said in the window', async () => {
    const page = await open();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await current(page).count()).toBe(1);
    const first = await current(page).getAttribute('data-p');
    await page.keyboard.press('s');
    await expect.poll(() => readMarks(world.context.db).get(first!)).toBe('saved');
    expect(await current(page).count()).toBe(1);
    const second = await current(page).getAttribute('data-p');
    expect(second).not.toBe(first);
    expect(await inWindow(page, '[aria-current=true]')).toBe(true);
    await expect.poll(() => page.locator('#st').textContent()).toBe('Saved to the library. Undo');
    expect(await inWindow(page, '#st')).toBe(true);
    await page.keyboard.press('h');
    await expect.poll(() => readMarks(world.context.db).get(second!)).toBe('hidden');
    await expect.poll(() => page.locator('#st').textContent()).toBe('Hidden: it will not show again. Undo');
    await page.keyboard.press('u');
    await expect.poll(() => readMarks(world.context.db).has(second!)).toBe(false);
    // The line goes by itself.
    await expect.poll(() => page.locator('#st').textContent(), { timeout: 15_000 }).toBe('');
    // A failed action says the server cannot be reached, in the window.
    await page.context().route('**/papers/**', (route) => route.abort());
    await page.keyboard.press('s');
    await expect
      .poll(() => page.locator('#st').textContent())
      .toBe('The server cannot be reached: nothing was changed.');
    expect(await inWindow(page, '#st')).toBe(true);
    await page.context().close();
  });

  it('marks the papers moved past as seen, which survives a reload and a restart, and resumes at the first not seen', async () => {
    const { db } = world.context;
    const before = listSeenPapers(db, REALISTIC_DAY).size;
    let page = await open();
    for (let i = 0; i < 6; i++) await page.keyboard.press('j');
    await expect
      .poll(() => listSeenPapers(db, REALISTIC_DAY).size, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(before + 5);
    // Leaving the page sends what is left; then the day is opened again.
    await page.context().close();
    let seen = listSeenPapers(db, REALISTIC_DAY);
    await expect.poll(() => (seen = listSeenPapers(db, REALISTIC_DAY)).size).toBe(seen.size);
    page = await open();
    await page.waitForFunction(() => document.querySelector('[aria-current=true]'));
    const opened = await page.evaluate(() => ({
      count: document.getElementById('sc')!.textContent,
      current: document.querySelector<HTMLElement>('[aria-current=true]')!.dataset['p'],
      before: [...document.querySelectorAll<HTMLElement>('main li[data-p]')]
        .slice(0, 40)
        .filter((li) => li.classList.contains('sn'))
        .map((li) => li.dataset['p']),
    }));
    expect(Number(opened.count)).toBe(seen.size);
    expect(seen.has(opened.current!)).toBe(false);
    expect(opened.before.every((id) => seen.has(id!))).toBe(true);
    expect(await inWindow(page, '[aria-current=true]')).toBe(true);
    await page.context().close();
    // Another server on the same database (a restart; any device): the same.
    const again: Context = openContext(world.context.config, { log: silentLogger, now: world.context.now });
    const restarted = await startServer(createApp({ context: again, holidays: new Set() }), {
      host: '127.0.0.1',
      port: 0,
    });
    try {
      const other = await browser.newPage();
      await other.goto(`${restarted.url}${DAY_PATH}`);
      expect(await other.locator('#seen').textContent()).toContain(`${seen.size} of 1,310 seen`);
      await other.waitForFunction(() => document.getElementById('keys')?.textContent?.includes('Keys'));
      await other
        .getByRole('button', { name: 'Mark the rest seen' })
        .evaluate((button) => (button as HTMLElement).click());
      await expect.poll(() => listSeenPapers(db, REALISTIC_DAY).size).toBe(1310);
      await other.close();
    } finally {
      await restarted.close();
      again.db.close();
    }
    page = await open();
    expect(await page.locator('#sc').textContent()).toBe('1,310');
    await page.context().close();
  });

  it('goes through the whole day with the keys: a key per paper, 15 saved and 15 hidden, all stored', async () => {
    const page = await open();
    const ids = await page.locator('main li[data-p]').evaluateAll((items) => items.map((li) => li.dataset['p']!));
    // Far from "For you" (its papers come again in their sections): each choice is one paper.
    const saves = new Set(ids.filter((_id, i) => i >= 100 && i % 80 === 0).slice(0, 15));
    const hides = new Set(ids.filter((_id, i) => i >= 100 && i % 80 === 40).slice(0, 15));
    // One key to start, then one per paper: s, h, or j to go on (typed in runs: real key events).
    const keys = `j${ids.map((id) => (saves.has(id) ? 's' : hides.has(id) ? 'h' : 'j')).join('')}`;
    expect(keys.length).toBeLessThanOrEqual(1400);
    for (const run of keys.match(/j+|[sh]/g)!) await page.keyboard.type(run);
    expect(await current(page).getAttribute('data-p')).toBe(ids.at(-1));
    const marked = () => {
      const marks = readMarks(world.context.db);
      return [
        [...saves].filter((id) => marks.get(id) === 'saved'),
        [...hides].filter((id) => marks.get(id) === 'hidden'),
      ];
    };
    await expect.poll(() => marked().map((list) => list.length)).toEqual([15, 15]);
    await page.context().close();
  });
});
