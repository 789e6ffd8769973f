// axe-core (the engine behind Lighthouse's accessibility audit) on the pages a reader uses, in
// light and dark, on a desktop and a phone: no WCAG 2.1 A or AA violation. A realistic day is what
// the pages show, so contrast is checked on real content (starred "who" lines, math, marks, folded
// author lists); its smallest size (200 papers, every hard case in it) keeps axe to seconds a page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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
import { storeDailyPapers } from '../../src/store/write/popularity.ts';
import { setReadMark } from '../../src/store/write/reading.ts';
import { recordRoundPart } from '../../src/store/write/round-parts.ts';
import { storeSourceItems } from '../../src/store/write/source-items.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// The day with a ranking ("For you", why lines, second-circle and watch badges), sorted by score
// with a hidden paper shown, the library's pages, and the rest of the advice.
const PAGES = [
  '/',
  `/digest/${REALISTIC_DAY}?sort=score&hidden=1`,
  '/search?q=learning',
  '/authors/yoshua-bengio',
  '/saved',
  '/watches',
  '/papers/{saved}/similar',
  '/start',
  '/top',
];
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [1280, 390];

/** The rest of the advice on the day: blog posts (with the warning of a feed gone), counts, marks. */
function addAdviceContent(world: TestWorld): void {
  const { db } = world.context;
  const day = REALISTIC_DAY;
  const post = (n: number) => ({
    id: `https://blog.example/${n}`,
    title: `A post about learning & <gradients> number ${n}`,
    url: `https://blog.example/${n}`,
    summary: 'A summary of the post, in a sentence or two.',
    published: `${day}T03:00:00Z`,
  });
  storeSourceItems(db, [post(1), post(2)], { feedId: 'karpathy', feedTitle: 'Karpathy', day, now: `${day}T05:00:00Z` });
  const ids = db.prepare('SELECT paper_id FROM announcements WHERE day = ? LIMIT 3').pluck().all(day) as string[];
  storeDailyPapers(
    db,
    day,
    [
      ...ids.map((paperId, i) => ({
        paperId,
        title: 't',
        upvotes: 50 - i,
        comments: i,
        githubRepo: 'https://github.com/a/b',
      })),
      { paperId: '2609.99999', title: 'Elsewhere', upvotes: 99 },
    ],
    `${day}T06:00:00Z`,
  );
  setReadMark(db, 'gan', true, `${day}T07:00:00Z`);
  const problems = ['Distill: https://distill.pub/rss.xml: HTTP 404 Not Found'];
  recordRoundPart(db, { part: 'blogs', finishedAt: `${day}T05:00:00Z`, ok: true, summary: 's', problems });
}

describe.skipIf(skipWithoutChromium)('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  let world: TestWorld;
  let server: RunningServer;
  let browser: Browser;
  let saved = '';

  beforeAll(async () => {
    const readingList = fileURLToPath(new URL('../../config/reading-list.json', import.meta.url));
    world = createRealisticWorld({
      count: 200,
      env: { CURATOR_READING_LIST: readingList, CURATOR_POPULARITY: 'on' },
    });
    addAdviceContent(world);
    const day = getDayPapers(world.context.db, REALISTIC_DAY, new Map()).filter((paper) => paper.starred.length === 0);
    const at = world.context.now().toISOString();
    markPapers(
      world.context.db,
      day.slice(0, 3).map((paper) => ({ id: paper.id, at })),
      'saved',
    );
    markPapers(world.context.db, [{ id: day[3]!.id, at }], 'hidden');
    await addWatch(world.context, 'learning -survey');
    ensureRankModel(world.context);
    saved = day[0]!.id;
    ({ server, browser } = await serveToChromium(createApp({ context: world.context, holidays: new Set() })));
  }, 60_000);

  afterAll(async () => {
    await closeChromium({ server, browser });
    world?.close();
  });

  const cases = PAGES.flatMap((path) =>
    SCHEMES.flatMap((scheme) => WIDTHS.map((width) => [path, scheme, width] as const)),
  );

  it.each(cases)(
    '%s in %s at %i px has no violation',
    async (path, colorScheme, width) => {
      // bypassCSP lets the test inject axe; the page itself runs under its strict policy elsewhere.
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 }, bypassCSP: true });
      try {
        const page = await context.newPage();
        await keepOnLoopback(page);
        await page.goto(`${server.url}${path.slice(1).replace('{saved}', saved)}`);
        await page.addScriptTag({ content: AXE_SOURCE });
        const results = await page.evaluate(() =>
          (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }).axe.run(
            document,
            {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
              resultTypes: ['violations'],
            },
          ),
        );
        const found = results.violations.map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${violation.help}; ${violation.nodes.length} nodes, e.g. ${violation.nodes[0]?.target.join(' ')} ${violation.nodes[0]?.failureSummary ?? ''}`,
        );
        expect(found).toEqual([]);
        expect(results.passes.length + results.inapplicable.length).toBeGreaterThan(10);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
