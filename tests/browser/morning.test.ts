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

// Generous limits for a shared machine: every wait is on an event, the DOM or the database.
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

  /** Generous: a page of 1,310 papers on a busy machine. */
  const WAIT = { timeout: 30_000 };

  /**
   * A page of the day in a window of its own, once its script has started; with `clock`, the
   * page's timers run on a clock the test can move on.
   */
  async function open(path = DAY_PATH, options: { clock?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await keepOnLoopback(context);
    if (options.clock) await context.clock.install();
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => document.getElementById('keys')?.textContent?.includes('Keys'));
    return page;
  }

  const current = (page: Page) => page.locator('[aria-current=true]');
  const stored = () => listSeenPapers(world.context.db, REALISTIC_DAY);
  /** The papers the page shows as seen (dimmed), each once. */
  const dimmed = async (page: Page) => [
    ...new Set(await page.locator('main li.sn').evaluateAll((items) => items.map((li) => li.dataset['p']!))),
  ];
  /**
   * Leaves the page (its last papers seen are sent as it goes) once the server has them: the next
   * page opened starts from what is stored. The papers it had seen.
   */
  async function leave(page: Page): Promise<string[]> {
    const seen = await dimmed(page);
    // Gone to another page, as a reader goes: the context stays open for the request on its way
    // (closing it drops a request that its routes hold).
    await page.goto('about:blank');
    await expect.poll(() => seen.filter((id) => !stored().has(id)), WAIT).toEqual([]);
    await page.context().close();
    return seen;
  }
  /**
   * Clicks the button a CSS selector finds, once it says `name`. Not a role query: over the whole
   * day (thousands of buttons and links) one takes Playwright longer than a test may wait on a
   * busy machine.
   */
  async function click(page: Page, selector: string, name: string): Promise<void> {
    const button = page.locator(selector);
    expect(await button.textContent()).toBe(name);
    await button.evaluate((element) => (element as HTMLElement).click());
  }
  /**
   * Presses each key in turn as real key events (down with its character, then up), sent without
   * waiting for each to be handled: the browser takes them in order, and a long run of keys does
   * not pay a round trip per key.
   */
  async function pressKeys(page: Page, keys: string): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    await Promise.all(
      [...keys].flatMap((key) => {
        const event = { key, code: `Key${key.toUpperCase()}`, windowsVirtualKeyCode: key.toUpperCase().charCodeAt(0) };
        return [
          cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: key, ...event }),
          cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event }),
        ];
      }),
    );
    await cdp.detach();
  }

  /** Once the page has drawn twice: what a script or the layout moved has come to rest. */
  const settled = (page: Page) =>
    page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

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
    // The form's answer is awaited, not the big page it lands on (on a busy machine that is slow).
    await Promise.all([
      page.waitForURL(/#contents$/, { waitUntil: 'commit' }),
      click(page, 'main button[name=sort]', 'make it the default'),
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
    await leave(page);
  });

  it('saves with s and hides with h, each moving on; u undoes; one current paper, in view; the result said in the window', async () => {
    const page = await open(DAY_PATH, { clock: true });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await current(page).count()).toBe(1);
    const first = await current(page).getAttribute('data-p');
    await page.keyboard.press('s');
    await expect.poll(() => readMarks(world.context.db).get(first!), WAIT).toBe('saved');
    expect(await current(page).count()).toBe(1);
    const second = await current(page).getAttribute('data-p');
    expect(second).not.toBe(first);
    expect(await inWindow(page, '[aria-current=true]')).toBe(true);
    await expect.poll(() => page.locator('#st').textContent(), WAIT).toBe('Saved to the library. Undo');
    expect(await inWindow(page, '#st')).toBe(true);
    await page.keyboard.press('h');
    await expect.poll(() => readMarks(world.context.db).get(second!), WAIT).toBe('hidden');
    await expect.poll(() => page.locator('#st').textContent(), WAIT).toBe('Hidden: it will not show again. Undo');
    await page.keyboard.press('u');
    await expect.poll(() => readMarks(world.context.db).has(second!), WAIT).toBe(false);
    await expect.poll(() => page.locator('#st').textContent(), WAIT).toBe('Undone.');
    // The line goes by itself.
    await page.clock.runFor(8_000);
    await expect.poll(() => page.locator('#st').textContent(), WAIT).toBe('');
    // A failed action says the server cannot be reached, in the window.
    await page.context().route('**/papers/**', (route) => route.abort());
    await page.keyboard.press('s');
    await expect
      .poll(() => page.locator('#st').textContent(), WAIT)
      .toBe('The server cannot be reached: nothing was changed.');
    expect(await inWindow(page, '#st')).toBe(true);
    await leave(page);
  });

  it('marks the papers moved past as seen, which survives a reload and a restart, and resumes at the first not seen', async () => {
    let page = await open();
    await page.keyboard.type('jjj');
    // Each paper moved past is dimmed at once and told to the server a few seconds later.
    const batch = await dimmed(page);
    expect(batch.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => batch.filter((id) => !stored().has(id)), WAIT).toEqual([]);
    // Leaving the page sends what is left.
    await page.keyboard.type('jjj');
    const read = await leave(page);
    expect(read.length).toBeGreaterThan(batch.length);
    // The day opened again: what was seen is dimmed and counted, the current paper is the first
    // one not seen, in the window.
    page = await open();
    await page.waitForFunction(() => document.querySelector('[aria-current=true]'));
    const opened = await page.evaluate(() => {
      const papers = [...document.querySelectorAll<HTMLElement>('main li[data-p]')];
      const current = papers.findIndex((li) => li.getAttribute('aria-current') === 'true');
      return {
        count: document.getElementById('sc')!.textContent,
        seen: [...new Set(papers.filter((li) => li.classList.contains('sn')).map((li) => li.dataset['p']!))],
        current,
        currentId: papers[current]?.dataset['p'],
        // In its own place: a "For you" copy comes again in its section.
        firstNotSeen: papers.findIndex((li) => li.id !== '' && !li.classList.contains('sn')),
      };
    });
    expect(read.filter((id) => !opened.seen.includes(id))).toEqual([]);
    expect(opened.count).toBe(opened.seen.length.toLocaleString('en-US'));
    expect(opened.current).toBe(opened.firstNotSeen);
    // In the window once the papers around it are laid out (they grow from their estimated height).
    await settled(page);
    expect(await inWindow(page, '[aria-current=true]')).toBe(true);
    // Another server on the same database (a restart; any device): the same count, the same place.
    const again: Context = openContext(world.context.config, { log: silentLogger, now: world.context.now });
    const restarted = await startServer(createApp({ context: again, holidays: new Set() }), {
      host: '127.0.0.1',
      port: 0,
    });
    try {
      const html = await (await fetch(`${restarted.url}${DAY_PATH}`)).text();
      expect(html).toContain(`<span id=sc>${opened.count}</span> of 1,310 seen`);
      expect(html).toContain(`<a href=#p-${opened.currentId}>on to the first not seen</a>`);
    } finally {
      await restarted.close();
      again.db.close();
    }
    // And it stays there: nothing moved it out since.
    expect(await inWindow(page, '[aria-current=true]')).toBe(true);
    // "Mark the rest seen" finishes the day.
    await click(page, '#seen button[name=rest]', 'Mark the rest seen');
    await expect.poll(() => stored().size, WAIT).toBe(1310);
    // The page says so once the server's answer is back (the store has it a moment before).
    await expect.poll(() => page.locator('#sc').textContent(), WAIT).toBe('1,310');
    await page.context().close();
    const html = await (await fetch(`${server.url}${DAY_PATH}`)).text();
    expect(html).toContain('<span id=sc>1,310</span> of 1,310 seen');
  });

  it(
    'goes through the whole day with the keys: a key per paper, 15 saved and 15 hidden, all stored',
    { timeout: 300_000 },
    async () => {
      // From the top of the day, whatever was seen before.
      const page = await open(`${DAY_PATH}#starred`);
      const ids = await page.locator('main li[data-p]').evaluateAll((items) => items.map((li) => li.dataset['p']!));
      // Far from "For you" (its papers come again in their sections): each choice is one paper.
      const saves = new Set(ids.filter((_id, i) => i >= 100 && i % 80 === 0).slice(0, 15));
      const hides = new Set(ids.filter((_id, i) => i >= 100 && i % 80 === 40).slice(0, 15));
      // One key to start, then one per paper: s, h, or j to go on.
      const keys = `j${ids.map((id) => (saves.has(id) ? 's' : hides.has(id) ? 'h' : 'j')).join('')}`;
      expect(keys.length).toBeLessThanOrEqual(1400);
      // In four runs, each followed by a look at the current paper: after n keys it is the n-th.
      const run = Math.ceil(keys.length / 4);
      for (let typed = 0; typed < keys.length; typed += run) {
        await pressKeys(page, keys.slice(typed, typed + run));
        const last = Math.min(typed + run, ids.length) - 1;
        expect(await current(page).getAttribute('data-p')).toBe(ids[last]);
      }
      const marked = () => {
        const marks = readMarks(world.context.db);
        return [
          [...saves].filter((id) => marks.get(id) === 'saved'),
          [...hides].filter((id) => marks.get(id) === 'hidden'),
        ];
      };
      await expect.poll(() => marked().map((list) => list.length), { timeout: 60_000 }).toEqual([15, 15]);
      await page.context().close();
    },
  );
});
