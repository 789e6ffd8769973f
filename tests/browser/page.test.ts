// A real Chromium (Debian's, driven by playwright-core) opens / from a real server on loopback:
// the starred section comes first, j/k works, and screenshots (light, dark) go to tests/artifacts/.
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../src/server.ts';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';
import { createTestWorld, makePaper, makeRealisticDay, type TestWorld } from '../support/build-db.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
// .ci/run installs chromium: there a missing browser fails the run instead of skipping.
const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';

describe.skipIf(skip)('the digest page in Chromium', () => {
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
    server = await startServer(createApp({ context: world.context, holidays: new Set() }), {
      host: '127.0.0.1',
      port: 0,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    world?.close();
  });

  it.each(['light', 'dark'] as const)(
    'shows the starred section first (%s) and saves a screenshot',
    async (colorScheme) => {
      const page = await browser.newPage({ colorScheme, viewport: { width: 412, height: 915 } });
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      // Nothing may leave the machine: arXiv links are only followed by a person.
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
      await page.goto(server.url);
      expect(await page.title()).toBe('arXiv digest 2026-09-24');
      const headings = await page.locator('main h2').allTextContents();
      expect(headings[0]).toBe('Starred authors (1)');
      expect(await page.locator('main li.s').first().textContent()).toContain(
        '★ Yoshua Bengio (as "Y. Bengio", likely)',
      );
      expect(await page.locator('main li.s mark').textContent()).toBe('Y. Bengio');
      expect(await page.getByText('Hostile <script>document.title="pwned"</script> title').count()).toBe(1);
      expect(await page.locator('details#replace').getAttribute('open')).toBeNull();
      expect(await page.locator('main li.s a').first().getAttribute('href')).toBe('2609.99998');
      expect(await page.evaluate(() => (document.querySelector('main li.s a') as HTMLAnchorElement).href)).toBe(
        'https://arxiv.org/abs/2609.99998',
      );
      await page.keyboard.press('j');
      expect(await page.locator('.cur').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}digest-${colorScheme}.png`, fullPage: false });
      await page.close();
    },
  );
});
