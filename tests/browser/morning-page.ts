// What the morning's tests (morning-*.test.ts) share: the realistic day (1,310 papers, ranked) on a
// loopback server read by this worker's Chromium, and the reader's gestures on its page. The day is
// split over several files so that vitest's two workers share it; the ranked world is built once per
// worker (createRankedRealisticWorld) and each file gets a copy of its database.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/server.ts';
import type { RunningServer } from '../../src/routes/listen.ts';
import { listSeenPapers } from '../../src/store/read/seen.ts';
import type { TestWorld } from '../support/build-db.ts';
import { closeChromium, keepOnLoopback, serveToChromium } from '../support/browser.ts';
import { REALISTIC_DAY, createRankedRealisticWorld } from '../support/realistic-world.ts';

export { REALISTIC_DAY };
export const DAY_PATH = `digest/${REALISTIC_DAY}`;
/** Generous: a page of 1,310 papers on a busy machine. */
export const WAIT = { timeout: 30_000 };

export interface MorningPage {
  readonly world: TestWorld;
  readonly server: RunningServer;
  /**
   * A page of the day in a window of its own, once its script has started; with `clock`, the
   * page's timers run on a clock the test can move on.
   */
  open(path?: string, options?: { clock?: boolean }): Promise<Page>;
  /** The papers stored as seen on the day. */
  stored(): Set<string>;
}

/** The ranked realistic day served to Chromium for the file's tests (its own copy of the world). */
export function useMorningPage(): MorningPage {
  let world: TestWorld | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    world = createRankedRealisticWorld();
    ({ server, browser } = await serveToChromium(createApp({ context: world.context, holidays: new Set() })));
  }, 120_000);
  afterAll(async () => {
    await closeChromium({ ...(server && { server }), ...(browser && { browser }) });
    world?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the morning page is used before its beforeAll');
    return value;
  };
  return {
    get world() {
      return started(world);
    },
    get server() {
      return started(server);
    },
    async open(path = DAY_PATH, options = {}) {
      const context = await started(browser).newContext({ viewport: { width: 1366, height: 900 } });
      await keepOnLoopback(context);
      if (options.clock) await context.clock.install();
      const page = await context.newPage();
      await page.goto(`${started(server).url}${path}`);
      await page.waitForFunction(() => document.getElementById('keys')?.textContent?.includes('Keys'));
      return page;
    },
    stored: () => listSeenPapers(started(world).context.db, REALISTIC_DAY),
  };
}

export const current = (page: Page) => page.locator('[aria-current=true]');

/** The papers of the page in order (copies included), as the keys go through them. */
export const paperIds = (page: Page) =>
  page.locator('main li[data-p]').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['p']!));

/** The papers the page shows as seen (dimmed), each once. */
export const dimmed = async (page: Page) => [
  ...new Set(
    await page.locator('main li.sn').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset['p']!)),
  ),
];

/**
 * Leaves the page (its last papers seen are sent as it goes) once the server has them: the next
 * page opened starts from what is stored. The papers it had seen.
 */
export async function leave(morning: MorningPage, page: Page): Promise<string[]> {
  const seen = await dimmed(page);
  // Gone to another page, as a reader goes: the context stays open for the request on its way
  // (closing it drops a request that its routes hold).
  await page.goto('about:blank');
  await expect.poll(() => seen.filter((id) => !morning.stored().has(id)), WAIT).toEqual([]);
  await page.context().close();
  return seen;
}

/**
 * Clicks the button a CSS selector finds, once it says `name`. Not a role query: over the whole
 * day (thousands of buttons and links) one takes Playwright longer than a test may wait on a
 * busy machine.
 */
export async function click(page: Page, selector: string, name: string): Promise<void> {
  const button = page.locator(selector);
  expect(await button.textContent()).toBe(name);
  await button.evaluate((element) => (element as HTMLElement).click());
}

/**
 * Presses each key in turn as real key events (down with its character, then up), sent without
 * waiting for each to be handled: the browser takes them in order, and a long run of keys does
 * not pay a round trip per key.
 */
export async function pressKeys(page: Page, keys: string): Promise<void> {
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
export const settled = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** At least a line of it shows in the window. */
export const inWindow = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top <= window.innerHeight - 24 && box.bottom >= 24;
  });
