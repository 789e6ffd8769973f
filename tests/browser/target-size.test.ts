// Tap targets on a phone 390 px wide: axe-core's `target-size` rule (WCAG 2.2 SC 2.5.8, AA: at
// least 24 by 24 CSS px, or spaced so that a 24 px circle around each touches no other) passes on
// every page a reader uses, the day's page with its controls, marks and ranking included.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { addWatch } from '../../src/actions/watches.ts';
import { ensureRankModel } from '../../src/jobs/retrain.ts';
import { createApp } from '../../src/server.ts';
import { getDayPapers } from '../../src/store/read/digest.ts';
import { markPapers } from '../../src/store/write/marks.ts';
import type { RunningServer } from '../../src/routes/listen.ts';
import type { TestWorld } from '../support/build-db.ts';
import { closeChromium, keepOnLoopback, serveToChromium, skipWithoutChromium } from '../support/browser.ts';
import { REALISTIC_DAY, createRealisticWorld } from '../support/realistic-world.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = [
  '/',
  `/digest/${REALISTIC_DAY}?sort=score&hidden=1`,
  `/digest/${REALISTIC_DAY}?view=titles`,
  '/search?q=learning',
  '/authors/yoshua-bengio',
  '/saved',
  '/watches',
  '/papers/{saved}/similar',
  '/papers/{saved}/authors',
  '/start',
  '/top',
];

describe.skipIf(skipWithoutChromium)('tap targets on a phone (axe target-size, WCAG 2.2 AA)', () => {
  let world: TestWorld;
  let server: RunningServer;
  let browser: Browser;
  let saved = '';

  beforeAll(async () => {
    world = createRealisticWorld({ count: 200 });
    const day = getDayPapers(world.context.db, REALISTIC_DAY, new Map()).filter((paper) => paper.starred.length === 0);
    const at = world.context.now().toISOString();
    markPapers(world.context.db, [{ id: day[0]!.id, at }], 'saved');
    markPapers(world.context.db, [{ id: day[1]!.id, at }], 'hidden');
    await addWatch(world.context, 'learning -survey');
    ensureRankModel(world.context);
    saved = day[0]!.id;
    ({ server, browser } = await serveToChromium(createApp({ context: world.context, holidays: new Set() })));
  }, 120_000);

  afterAll(async () => {
    await closeChromium({ server, browser });
    world?.close();
  });

  it.each(PAGES)(
    '%s has no target under 24 px without the spacing',
    async (path) => {
      // bypassCSP lets the test inject axe; the page itself runs under its strict policy elsewhere.
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        bypassCSP: true,
      });
      try {
        const page = await context.newPage();
        await keepOnLoopback(page);
        await page.goto(`${server.url}${path.slice(1).replace('{saved}', saved)}`);
        await page.waitForFunction(() => document.getElementById('keys')?.textContent?.includes('Keys'));
        // Targets off screen skip their layout (content-visibility): render the whole page for axe.
        await page.addStyleTag({ content: 'main li{content-visibility:visible!important}' });
        await page.addScriptTag({ content: AXE_SOURCE });
        const results = await page.evaluate(() =>
          (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }).axe.run(
            document,
            { runOnly: { type: 'rule', values: ['target-size'] }, resultTypes: ['violations', 'passes'] },
          ),
        );
        const found = results.violations.flatMap((violation) =>
          violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
        );
        expect(found).toEqual([]);
        // The rule looked at the page's controls (a page without any would pass by doing nothing).
        expect(results.passes.flatMap((rule) => rule.nodes).length).toBeGreaterThan(2);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
