// Search in a real Chromium against a real server on loopback (pages rendered inline): typing a
// query, the filters, marks, j/k, pages, all under the strict Content-Security-Policy;
// screenshots (light, dark) go to tests/artifacts/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createApp } from '../../src/server.ts';
import type { RunningServer } from '../../src/routes/listen.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';
import { buildRealisticDay } from '../support/realistic-day.ts';
import { closeChromium, serveToChromium, skipWithoutChromium } from '../support/browser.ts';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const skip = skipWithoutChromium;

describe.skipIf(skip)('search in Chromium', () => {
  let world: TestWorld;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    world = createTestWorld();
    world.ingestDay('2026-11-26', buildRealisticDay({ count: 400 }));
    world.ingestDay('2026-11-27', [
      makePaper({ id: '2611.90001', title: 'Hostile <script>document.title="pwned"</script> neural title' }),
      makePaper({ id: '2611.90002', title: 'Neural routing by a star', authors: ['Y. Bengio', 'Gábor Melis'] }),
    ]);
    const app = createApp({ context: world.context, holidays: new Set() });
    ({ server, browser } = await serveToChromium(app));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await closeChromium({ server, browser });
    world?.close();
  });

  it.each(['light', 'dark'] as const)('searches from the form, filters and pages (%s)', async (colorScheme) => {
    const page = await browser.newPage({ colorScheme, viewport: { width: 412, height: 915 } });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('neural');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=neural/);
    expect(await page.title()).toBe('neural · search · arxiv-curator');
    expect(await page.locator('main ol > li').first().locator('mark').first().textContent()).toMatch(/^neural$/i);
    expect(await page.getByText('Hostile <script>document.title="pwned"</script>', { exact: false }).count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search' }).fill('the');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=the/);
    expect(await page.locator('main ol > li').count()).toBe(20);
    await page.getByRole('link', { name: 'Next →' }).click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('main ol').getAttribute('start')).toBe('21');

    await page.getByLabel('Starred only').check();
    await page.getByLabel('Sort').selectOption('date');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/starred=1/);
    expect(page.url()).toContain('sort=date');
    const starred = page.locator('main ol > li');
    expect(await starred.first().textContent()).toContain('★ Yoshua Bengio (as "Y. Bengio", likely)');
    await page.keyboard.press('j');
    expect(await page.locator('[aria-current=true]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}search-${colorScheme}.png`, fullPage: false });
    await page.close();
  });
});
