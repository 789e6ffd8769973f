// axe-core (the engine behind Lighthouse's accessibility audit) in a page of Chromium. One page
// load per page and width checks both colour schemes: every rule in the light scheme, then, with
// the scheme switched in place (prefers-color-scheme changes without a reload), the rules whose
// outcome a colour can change. A load per scheme would run the other rules twice for nothing.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { keepOnLoopback } from './browser.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA, as Lighthouse's audit asks. */
export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The rules of WCAG21_AA that read colours: all a change of colour scheme can fail. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Runs axe in the page as it is now (injected by openAxePage, or here once per document). */
export async function runAxe(page: Page, options: RunOptions): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(
    (runOptions) =>
      (window as unknown as { axe: { run: (context: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(
        document,
        runOptions,
      ),
    options,
  );
}

/**
 * A page `width` px wide for axe (a phone's screen and meta viewport when `phone`), kept for
 * several checks (a context and axe's 0.5 MB of script once, not per page): axe is in every
 * document it loads; nothing leaves 127.0.0.1.
 */
export async function openAxePage(browser: Browser, width: number, phone = false): Promise<Page> {
  // bypassCSP lets axe in; the pages themselves run under their strict policy elsewhere.
  const context = await browser.newContext({
    colorScheme: 'light',
    viewport: { width, height: phone ? 844 : 900 },
    isMobile: phone,
    bypassCSP: true,
  });
  await context.addInitScript({ content: AXE_SOURCE });
  const page = await context.newPage();
  await keepOnLoopback(page);
  return page;
}

/** One line per violation: the rule, its impact, what it asks, how many nodes, the first of them. */
export function describeViolations(results: AxeResults): string[] {
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}; ${violation.nodes.length} nodes, e.g. ${violation.nodes[0]?.target.join(' ')} ${violation.nodes[0]?.failureSummary ?? ''}`,
  );
}

export interface SchemeFindings {
  light: string[];
  dark: string[];
  /** Rules that ran and found something to judge (passed or not applicable), light then dark. */
  judged: { light: number; dark: number };
}

/**
 * Loads `url` once in `page` (openAxePage) and checks it against WCAG 2.1 A and AA: all rules in
 * the light scheme, then the colour rules in the dark one.
 */
export async function checkBothSchemes(page: Page, url: string): Promise<SchemeFindings> {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(url);
  const only = { resultTypes: ['violations'] } satisfies RunOptions;
  const light = await runAxe(page, { ...only, runOnly: { type: 'tag', values: WCAG21_AA } });
  await page.emulateMedia({ colorScheme: 'dark' });
  if (!(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)))
    throw new Error(`${url} did not switch to the dark scheme`);
  const dark = await runAxe(page, { ...only, runOnly: { type: 'rule', values: COLOUR_RULES } });
  return {
    light: describeViolations(light),
    dark: describeViolations(dark),
    judged: {
      light: light.passes.length + light.inapplicable.length,
      dark: dark.passes.length + dark.inapplicable.length,
    },
  };
}
