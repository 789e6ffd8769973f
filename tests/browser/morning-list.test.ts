// The ten-minute morning in a real Chromium on the realistic day (1,310 papers, ranked): the one
// ranked list with its scores and cut-off, and the compact view (morning-page.ts serves the day).
import { describe, expect, it } from 'vitest';
import { loadDayDigest } from '../../src/views/day.ts';
import { skipWithoutChromium } from '../support/browser.ts';
import { DAY_PATH, REALISTIC_DAY, click, current, leave, useMorningPage } from './morning-page.ts';

// Generous limits for a shared machine: every wait is on an event, the DOM or the database.
describe.skipIf(skipWithoutChromium)('the ranked list and the compact view in Chromium', { timeout: 120_000 }, () => {
  const morning = useMorningPage();

  it('lists the day as one ranked list: scores as whole percents, each paper labelled, one cut-off line', async () => {
    const page = await morning.open(`${DAY_PATH}?sort=score`);
    const view = loadDayDigest(morning.world.context, new Set(), REALISTIC_DAY, { sort: 'score', page: true }).view;
    const rows = await page.locator('#ranked li').evaluateAll((items) =>
      items.map((li) => ({
        score: li.querySelector('.score')?.textContent ?? '',
        facts: li.querySelector('.m')?.textContent ?? '',
        cut: li.compareDocumentPosition(document.getElementById('cutoff')!) & Node.DOCUMENT_POSITION_FOLLOWING,
      })),
    );
    expect(rows).toHaveLength(view.ranked!.papers.length);
    expect(rows.length).toBe(1310 - view.counts.starred);
    const percents = rows.map((row) => Number(/^(\d{1,3})%$/.exec(row.score)![1]));
    expect(percents).toEqual([...percents].sort((a, b) => b - a));
    for (const row of rows) expect(row.facts).toMatch(/· (?:new|cross-list|replacement|cross-list replacement) · /);
    expect(await page.locator('#cutoff').count()).toBe(1);
    // Light enough for a phone: at most 20 elements a paper, every abstract in the page.
    const weight = await page.evaluate(() => [
      document.getElementsByTagName('*').length,
      document.querySelectorAll('details.ab').length,
    ]);
    expect(weight[0]! / 1310).toBeLessThanOrEqual(20);
    expect(weight[1]).toBe(1310);
    expect(rows.filter((row) => row.cut).length).toBe(view.ranked!.cutoff);
    // The reader makes it the default order: the day's page without `sort` is the ranked list.
    // The form's answer is awaited, not the big page it lands on (on a busy machine that is slow).
    await Promise.all([
      page.waitForURL(/#contents$/, { waitUntil: 'commit' }),
      click(page, 'main button[name=sort]', 'make it the default'),
    ]);
    const plain = async () => (await fetch(`${morning.server.url}${DAY_PATH}`)).text();
    expect(await plain()).toContain('<section id=ranked>');
    await page.context().close();
    const json = { 'content-type': 'application/json', accept: 'application/json' };
    const back = await fetch(`${morning.server.url}settings/order`, {
      method: 'POST',
      headers: json,
      body: '{"sort":"arxiv"}',
    });
    expect(await back.json()).toEqual({ sort: 'arxiv' });
    expect(await plain()).not.toContain('<section id=ranked>');
  });

  it('shows at least 15 papers in a 1366x900 window with titles only; t switches, remembered on the device', async () => {
    const page = await morning.open(`${DAY_PATH}?view=titles`);
    await page
      .locator('#new li')
      .first()
      .evaluate((li) => li.scrollIntoView({ block: 'start' }));
    const whole = await page.locator('main li[data-p]').evaluateAll(
      (items) =>
        items.filter((li) => {
          const box = li.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }).length,
    );
    expect(whole).toBeGreaterThanOrEqual(15);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length / 1310)).toBeLessThanOrEqual(20);
    // Every abstract is still one key away, and starred ones start folded too.
    expect(await page.locator('#starred details.ab[open]').count()).toBe(0);
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    expect(await current(page).locator('details.ab').getAttribute('open')).toBe('');
    await page.keyboard.press('t');
    expect(await page.evaluate(() => document.documentElement.className)).toBe('');
    // The address follows after the view is painted.
    await page.waitForURL(`${morning.server.url}${DAY_PATH}`);
    await page.keyboard.press('t');
    await page.waitForURL(`${morning.server.url}${DAY_PATH}?view=titles`);
    await page.goto(`${morning.server.url}${DAY_PATH}`);
    await page.waitForFunction(() => document.documentElement.classList.contains('t'));
    await page.keyboard.press('t');
    await leave(morning, page);
  });
});
