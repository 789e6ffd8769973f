// A real Chromium (Debian's, driven by playwright-core) opens / from a real server on loopback:
// the starred section comes first, the keys work, can be turned off and are listed by `?`, the
// footer names keys only when they work, and screenshots (light, dark) go to tests/artifacts/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../src/server.ts';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { createTestWorld, makePaper, makeRealisticDay, type TestWorld } from '../support/build-db.ts';
import { closeChromium, keepOnLoopback, serveToChromium, skipWithoutChromium } from '../support/browser.ts';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

describe.skipIf(skipWithoutChromium)('the digest page in Chromium', () => {
  let world: TestWorld;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    world = createTestWorld();
    world.ingestDay('2026-09-23', [makePaper({ title: 'Yesterday' })]);
    world.ingestDay('2026-09-24', [
      ...makeRealisticDay(60, 0),
      makePaper({
        id: '2609.99999',
        title: 'Hostile <script>document.title="pwned"</script> title',
        authors: ['Mallory'],
      }),
      makePaper({
        id: '2609.99998',
        title: 'Scaling $\\mathcal{O}(n)$ attention with <sparse> & dense heads',
        authors: ['Ada Lovelace', 'Y. Bengio', 'Alan Turing'],
        comment: 'NeurIPS 2026, 9 pages',
      }),
    ]);
    ({ server, browser } = await serveToChromium(createApp({ context: world.context, holidays: new Set() })));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await closeChromium({ server, browser });
    world?.close();
  });

  async function open(
    options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, ...options });
    await keepOnLoopback(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    return { context, page, errors };
  }

  it.each(['light', 'dark'] as const)(
    'shows the starred section first (%s) and saves a screenshot',
    async (colorScheme) => {
      const { context, page, errors } = await open({ colorScheme });
      expect(await page.title()).toBe('arXiv digest 2026-09-24');
      const headings = await page.locator('main h2').allTextContents();
      expect(headings[0]).toBe('Starred authors (1)');
      expect(await page.locator('main li.s').first().textContent()).toContain(
        '★ Yoshua Bengio (as "Y. Bengio", likely)',
      );
      expect(await page.locator('main li.s mark').textContent()).toBe('Y. Bengio');
      expect(await page.locator('main li.s math').count()).toBe(1);
      expect(await page.getByText('Hostile <script>document.title="pwned"</script> title').count()).toBe(1);
      expect(await page.locator('details#replace').getAttribute('open')).toBeNull();
      expect(await page.locator('main li.s h3 a').first().getAttribute('href')).toBe(
        'https://arxiv.org/abs/2609.99998',
      );
      expect(errors).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}digest-${colorScheme}.png`, fullPage: false });
      await context.close();
    },
  );

  it('moves with j/k and n, opens the abstract with a, and the paper in a new tab with o', async () => {
    const { context, page, errors } = await open();
    await page.keyboard.press('j');
    const current = page.locator('[aria-current=true]');
    expect(await current.count()).toBe(1);
    expect(await current.locator('h3 a').getAttribute('href')).toBe('https://arxiv.org/abs/2609.99998');
    await page.keyboard.press('j');
    const second = await page.locator('[aria-current=true] h4 a').getAttribute('href');
    expect(second).not.toBe('https://arxiv.org/abs/2609.99998');
    await page.keyboard.press('k');
    expect(await page.locator('[aria-current=true] h3 a').getAttribute('href')).toBe(
      'https://arxiv.org/abs/2609.99998',
    );
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    expect(await page.locator('[aria-current=true] details.ab').getAttribute('open')).toBe('');
    // The new tab asks for the paper's page (and is stopped there: nothing leaves the machine).
    const [popup, request] = await Promise.all([
      context.waitForEvent('page'),
      context.waitForEvent('request'),
      page.keyboard.press('o'),
    ]);
    expect(request.url()).toBe(second);
    expect(popup).not.toBe(page);
    expect(page.url()).toBe(server.url);
    await popup.close();
    // From the top, n goes to the first section below, then to the next.
    await page.evaluate(() => window.scrollTo(0, 0));
    const headingTop = (selector: string) =>
      page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().top, selector);
    await page.keyboard.press('n');
    await expect.poll(async () => Math.abs(await headingTop('#starred h2'))).toBeLessThan(2);
    // "For you" follows the starred section (here saying how to get a ranking).
    await page.keyboard.press('n');
    await expect.poll(async () => Math.abs(await headingTop('#foryou h2'))).toBeLessThan(2);
    await page.keyboard.press('n');
    await expect.poll(async () => Math.abs(await headingTop('#new h2'))).toBeLessThan(2);
    await page.keyboard.press('p');
    await expect.poll(async () => Math.abs(await headingTop('#foryou h2'))).toBeLessThan(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists the keys on ?, names them in the footer, and can turn them off for good', async () => {
    const { context, page } = await open();
    expect(await page.locator('footer').textContent()).toContain('Keys: press ? for the list');
    await page.keyboard.press('?');
    const dialog = page.locator('dialog[open]');
    expect(await dialog.textContent()).toContain('next / previous paper');
    await dialog.getByLabel('Shortcuts on').uncheck();
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(await page.locator('footer').textContent()).toContain('Keyboard shortcuts are off');
    await page.keyboard.press('j');
    await page.keyboard.press('?');
    expect(await page.locator('[aria-current=true]').count()).toBe(0);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    // Remembered on the next visit; the footer turns them back on.
    await page.reload();
    await page.keyboard.press('j');
    expect(await page.locator('[aria-current=true]').count()).toBe(0);
    // From the keyboard: a click on the footer, below papers laid out only as they come into view,
    // once waited 30 s in a suite run (the button likely moved as the papers above it were drawn).
    await page.locator('footer button').focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').getByLabel('Shortcuts on').check();
    await page.locator('dialog[open]').getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press('j');
    expect(await page.locator('[aria-current=true]').count()).toBe(1);
    await context.close();
  });

  it('wraps a long status line (an unreachable URL) instead of widening the page on a phone', async () => {
    const url = `https://rss.arxiv.org/rss/${'cs.LG+'.repeat(40)}stat.ML`;
    const activity = `arXiv cannot be reached (${url}: DNS lookup failed). Trying again at Fri 01:10 New York time.`;
    const app = createApp({ context: world.context, holidays: new Set(), status: () => ({ activity }) });
    const busy = await startServer(app, { host: '127.0.0.1', port: 0 });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      await keepOnLoopback(page);
      await page.goto(busy.url);
      expect(await page.locator('.n').textContent()).toContain(url);
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    } finally {
      await context.close();
      await busy.close();
    }
  });

  it('says nothing of keys without JavaScript, where every abstract still opens', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    expect(await page.locator('footer').textContent()).not.toMatch(/key/i);
    const abstract = page.locator('main li details.ab').nth(3);
    await abstract.locator('summary').click();
    expect(await abstract.getAttribute('open')).toBe('');
    await context.close();
  });
});
