// The realistic full-size day (1,310 papers) in a real Chromium: every abstract is one tap away
// in the page, TeX titles are MathML (or math text) that renders under the strict CSP, no raw TeX
// accent is visible, and in-page links stay on the site. Its LCP is a budget of the bench (bench/page.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/server.ts';
import type { RunningServer } from '../../src/routes/listen.ts';
import { decodeTexText, splitTex } from '../../src/text/tex.ts';
import type { TestWorld } from '../support/build-db.ts';
import { closeChromium, keepOnLoopback, serveToChromium, skipWithoutChromium } from '../support/browser.ts';
import { REALISTIC_DAY_FACTS, buildRealisticDay } from '../support/realistic-day.ts';
import { REALISTIC_DAY, createRealisticWorld } from '../support/realistic-world.ts';

/** The longest run of text in a TeX string as a reader sees it, whitespace folded. */
function longestText(tex: string): string {
  const runs = splitTex(tex)
    .filter((segment) => !segment.math)
    .map((segment) => decodeTexText(segment.source).replace(/\s+/g, ' ').trim());
  return runs.sort((a, b) => b.length - a.length)[0]!.slice(0, 80);
}

describe.skipIf(skipWithoutChromium)('the realistic day in Chromium', () => {
  let world: TestWorld;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];
  const papers = buildRealisticDay();

  beforeAll(async () => {
    world = createRealisticWorld();
    ({ server, browser } = await serveToChromium(createApp({ context: world.context, holidays: new Set() })));
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await keepOnLoopback(page);
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`Content-Security-Policy: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(`${server.url}digest/${REALISTIC_DAY}`);
  }, 60_000);

  afterAll(async () => {
    await closeChromium({ server, browser });
    world?.close();
  });

  it('keeps every abstract one tap away: hidden at first, all there once everything is expanded', async () => {
    const starred = new Set(REALISTIC_DAY_FACTS.starredIds);
    const shown = await page.evaluate(() => [...document.querySelectorAll('details.ab[open]')].length);
    expect(shown).toBe(starred.size);
    // Expand everything a reader can: sections, author lists, abstracts.
    const summaries = await page.evaluate(() => {
      const closed = [...document.querySelectorAll('details:not([open]) > summary')] as HTMLElement[];
      for (const summary of closed) summary.click();
      return closed.length;
    });
    expect(summaries).toBeGreaterThan(papers.length - starred.size);
    // Papers off screen skip their layout (content-visibility: auto), so innerText leaves them out
    // until scrolled to; every one is expanded and in the page.
    const after = (
      await page.evaluate(() =>
        [...document.querySelectorAll('main li')].map((li) => (li as HTMLElement).textContent).join(' '),
      )
    ).replace(/\s+/g, ' ');
    for (const paper of papers) expect(after.includes(longestText(paper.abstract)), paper.id).toBe(true);
    for (const paper of papers.filter((candidate) => candidate.authors.length >= 50))
      expect(after.includes(decodeTexText(paper.authors.at(-1)!)), paper.id).toBe(true);
    // No raw TeX accent anywhere a person reads.
    expect(after).not.toMatch(/\\['"`^~]|\\v\{|\{\\o\}/);
  });

  it('shows TeX titles as MathML, rendered under the CSP (accents at full size), the broken one as source', async () => {
    const titles = await page.evaluate(() =>
      [...document.querySelectorAll('main li :is(h3,h4) a')].map((a) => ({
        href: a.getAttribute('href'),
        math: a.querySelectorAll('math').length,
        text: a.textContent,
      })),
    );
    const tex = papers.filter((paper) => paper.title.includes('$'));
    expect(tex).toHaveLength(REALISTIC_DAY_FACTS.texTitles);
    for (const paper of tex) {
      const title = titles.find((candidate) => candidate.href === `https://arxiv.org/abs/${paper.id}`)!;
      if (paper.id === REALISTIC_DAY_FACTS.brokenFormulaId) expect(title.text).toContain('$\\frac{1}{\\sqrt{n}$');
      else {
        // MathML, or for a linear formula the characters MathML would draw (math-text.ts).
        expect(title.text, paper.title).not.toContain('$');
        expect(title.text, paper.title).not.toMatch(/\\[a-zA-Z]/);
      }
    }
    // temml's inline style for an accent became a class: the tilde of \tilde{O} keeps the size of its base.
    const depths = await page.evaluate(() => {
      const accent = [...document.querySelectorAll('mover > mo')].find((mo) => mo.textContent === '~')!;
      return [
        getComputedStyle(accent).getPropertyValue('math-depth'),
        getComputedStyle(accent.parentElement!).getPropertyValue('math-depth'),
      ];
    });
    expect(depths[0]).toBe(depths[1]);
    // The inline stylesheet applies: the policy admits it by its hash (the day's page is 72rem wide).
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe('1152px');
    expect(violations).toEqual([]);
  });

  it('fits a phone 390 px wide with everything expanded: no line widens the page (WCAG 1.4.10)', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await keepOnLoopback(phone);
      await phone.goto(`${server.url}digest/${REALISTIC_DAY}`);
      const widths = await phone.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
        return [document.documentElement.scrollWidth, window.innerWidth];
      });
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    } finally {
      await phone.close();
    }
  });

  it('keeps in-page links on the site: the contents jump within the page', async () => {
    expect(await page.locator('base').count()).toBe(0);
    const links = await page.evaluate(() =>
      [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
    );
    const ours = links.filter((href) => href.startsWith(server.url));
    const elsewhere = links.filter((href) => !href.startsWith(server.url));
    expect(elsewhere.every((href) => href.startsWith('https://arxiv.org/'))).toBe(true);
    expect(ours.filter((href) => href.includes('#')).length).toBeGreaterThan(15);
    await page.locator('nav.toc a[href="#cross"]').click();
    expect(page.url()).toBe(`${server.url}digest/${REALISTIC_DAY}#cross`);
    await page.locator('nav.toc a[href="#replace-cs.LG"]').click();
    expect(page.url()).toBe(`${server.url}digest/${REALISTIC_DAY}#replace-cs.LG`);
    // The target sits in the folded replacements, which open to show it.
    expect(await page.locator('details#replace').getAttribute('open')).toBe('');
  });
});
