// The accessibility tests' one body: each a11y-*.test.ts names its pages (split so that the two
// large day pages and the rest run on both workers, none long). For each page and width, one load:
// no WCAG 2.1 A or AA violation in the light scheme, none of the colour rules in the dark one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/routes/listen.ts';
import type { TestWorld } from '../support/build-db.ts';
import { checkBothSchemes, openAxePage } from '../support/axe.ts';
import { closeChromium, serveToChromium, skipWithoutChromium } from '../support/browser.ts';
import { createA11yWorld } from './a11y-world.ts';

const WIDTHS = [1280, 390];

/** `{saved}` in a path stands for a saved paper's id. */
export function describeAccessibility(pages: string[]): void {
  describe.skipIf(skipWithoutChromium)('accessibility (axe-core, WCAG 2.1 A and AA), light and dark', () => {
    let world: TestWorld;
    let server: RunningServer;
    let browser: Browser;
    let saved = '';

    beforeAll(async () => {
      const built = await createA11yWorld();
      ({ world, saved } = built);
      ({ server, browser } = await serveToChromium(built.app));
    }, 60_000);

    afterAll(async () => {
      await closeChromium({ server, browser });
      world?.close();
    });

    describe.each(WIDTHS)('at %i px', (width) => {
      let page: Page;
      beforeAll(async () => void (page = await openAxePage(browser, width)));
      afterAll(async () => await page?.context().close());

      it.each(pages)(
        '%s has no violation',
        async (path) => {
          const found = await checkBothSchemes(page, `${server.url}${path.slice(1).replace('{saved}', saved)}`);
          expect({ light: found.light, dark: found.dark }).toEqual({ light: [], dark: [] });
          // The rules ran: a page axe could not read would pass vacuously.
          expect(found.judged.light).toBeGreaterThan(10);
          expect(found.judged.dark).toBe(2);
        },
        180_000,
      );
    });
  });
}
