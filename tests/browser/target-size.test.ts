// Tap targets on a phone 390 px wide: axe-core's `target-size` rule (WCAG 2.2 SC 2.5.8, AA: at
// least 24 by 24 CSS px, or spaced so that a 24 px circle around each touches no other) passes on
// every page a reader uses, the day's page with its controls, marks and ranking included: the
// accessibility tests' world (a11y-world.ts: every kind of paper, saved, hidden, watched, ranked),
// in one phone page for the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/routes/listen.ts';
import type { TestWorld } from '../support/build-db.ts';
import { openAxePage, runAxe } from '../support/axe.ts';
import { closeChromium, serveToChromium, skipWithoutChromium } from '../support/browser.ts';
import { openList } from '../../src/render/html-ranked.ts';
import { STYLE_CSS } from '../../src/render/html-style.ts';
import { createA11yWorld, REALISTIC_DAY } from './a11y-world.ts';

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
  let page: Page;
  let saved = '';

  beforeAll(async () => {
    const built = await createA11yWorld();
    ({ world, saved } = built);
    ({ server, browser } = await serveToChromium(built.app));
    page = await openAxePage(browser, 390, true);
  }, 120_000);

  afterAll(async () => {
    await page?.context().close();
    await closeChromium({ server, browser });
    world?.close();
  });

  it.each(PAGES)(
    '%s has no target under 24 px without the spacing',
    async (path) => {
      await page.goto(`${server.url}${path.slice(1).replace('{saved}', saved)}`);
      await page.waitForFunction(() => document.getElementById('keys')?.textContent?.includes('Keys'));
      // Targets off screen skip their layout (content-visibility): render the whole page for axe.
      await page.addStyleTag({ content: 'main li{content-visibility:visible!important}' });
      const results = await runAxe(page, {
        runOnly: { type: 'rule', values: ['target-size'] },
        resultTypes: ['violations', 'passes'],
      });
      const found = results.violations.flatMap((violation) =>
        violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
      );
      expect(found).toEqual([]);
      // The rule looked at the page's controls (a page without any would pass by doing nothing).
      expect(results.passes.flatMap((rule) => rule.nodes).length).toBeGreaterThan(2);
    },
    120_000,
  );

  it('shows the whole of four-digit paper numbers ("1310.") inside each paper, none cut at the edge', async () => {
    const items = Array.from(
      { length: 12 },
      (_, i) => `<li data-p=p${i} data-n=${1299 + i}><h3><a href="#p${i}">Paper ${1299 + i}</a></h3>`,
    );
    await page.setContent(
      `<!doctype html><style>${STYLE_CSS}</style><main>${openList(1310, 1299)}${items.join('')}</ol></main>`,
    );
    const numbers = await page.evaluate(() => {
      const canvas = document.createElement('canvas').getContext('2d')!;
      return [...document.querySelectorAll('main li')].map((li) => {
        const number = getComputedStyle(li, '::before');
        canvas.font = `${number.fontWeight} ${number.fontSize} ${number.fontFamily}`;
        const text = number.content.replace(/"/g, '');
        return {
          text,
          fits: canvas.measureText(text).width <= parseFloat(number.width),
          left: li.getBoundingClientRect().left,
        };
      });
    });
    expect(numbers.map((number) => number.text)).toEqual(Array.from({ length: 12 }, (_, i) => `${1299 + i}.`));
    expect(numbers.filter((number) => !number.fits || number.left < 0)).toEqual([]);
  });
});
