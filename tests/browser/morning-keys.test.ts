// The ten-minute morning in a real Chromium on the realistic day (1,310 papers, ranked): the keys
// that triage (s, h, u) with one current paper in view and the status line in the window, and seen
// papers surviving a reload and a restart of the server (morning-page.ts serves the day).
import { describe, expect, it } from 'vitest';
import { openContext, type Context } from '../../src/app/context.ts';
import { silentLogger } from '../../src/app/log.ts';
import { createApp } from '../../src/server.ts';
import { startServer } from '../../src/routes/listen.ts';
import { readMarks } from '../../src/store/read/marks.ts';
import { skipWithoutChromium } from '../support/browser.ts';
import { DAY_PATH, WAIT, click, current, dimmed, inWindow, leave, settled, useMorningPage } from './morning-page.ts';

// Generous limits for a shared machine: every wait is on an event, the DOM or the database.
describe.skipIf(skipWithoutChromium)('triage and seen papers with the keys in Chromium', { timeout: 120_000 }, () => {
  const morning = useMorningPage();

  it('saves with s and hides with h, each moving on; u undoes; one current paper, in view; the result said in the window', async () => {
    const page = await morning.open(DAY_PATH, { clock: true });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await current(page).count()).toBe(1);
    const first = await current(page).getAttribute('data-p');
    await page.keyboard.press('s');
    await expect.poll(() => readMarks(morning.world.context.db).get(first!), WAIT).toBe('saved');
    expect(await current(page).count()).toBe(1);
    const second = await current(page).getAttribute('data-p');
    expect(second).not.toBe(first);
    expect(await inWindow(page, '[aria-current=true]')).toBe(true);
    await expect.poll(() => page.locator('#st').textContent(), WAIT).toBe('Saved to the library. Undo');
    expect(await inWindow(page, '#st')).toBe(true);
    await page.keyboard.press('h');
    await expect.poll(() => readMarks(morning.world.context.db).get(second!), WAIT).toBe('hidden');
    await expect.poll(() => page.locator('#st').textContent(), WAIT).toBe('Hidden: it will not show again. Undo');
    await page.keyboard.press('u');
    await expect.poll(() => readMarks(morning.world.context.db).has(second!), WAIT).toBe(false);
    await expect.poll(() => page.locator('#st').textContent(), WAIT).toBe('Undone.');
    // The line goes by itself.
    await page.clock.runFor(8_000);
    await expect.poll(() => page.locator('#st').textContent(), WAIT).toBe('');
    // A failed action says the server cannot be reached, in the window.
    await page.context().route('**/papers/**', (route) => route.abort());
    await page.keyboard.press('s');
    await expect
      .poll(() => page.locator('#st').textContent(), WAIT)
      .toBe('The server cannot be reached: nothing was changed.');
    expect(await inWindow(page, '#st')).toBe(true);
    await leave(morning, page);
  });

  it('marks the papers moved past as seen, which survives a reload and a restart, and resumes at the first not seen', async () => {
    let page = await morning.open();
    await page.keyboard.type('jjj');
    // Each paper moved past is dimmed at once and told to the server a few seconds later.
    const batch = await dimmed(page);
    expect(batch.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => batch.filter((id) => !morning.stored().has(id)), WAIT).toEqual([]);
    // Leaving the page sends what is left.
    await page.keyboard.type('jjj');
    const read = await leave(morning, page);
    expect(read.length).toBeGreaterThan(batch.length);
    // The day opened again: what was seen is dimmed and counted, the current paper is the first
    // one not seen, in the window.
    page = await morning.open();
    await page.waitForFunction(() => document.querySelector('[aria-current=true]'));
    const opened = await page.evaluate(() => {
      const papers = [...document.querySelectorAll<HTMLElement>('main li[data-p]')];
      const current = papers.findIndex((li) => li.getAttribute('aria-current') === 'true');
      return {
        count: document.getElementById('sc')!.textContent,
        seen: [...new Set(papers.filter((li) => li.classList.contains('sn')).map((li) => li.dataset['p']!))],
        current,
        currentId: papers[current]?.dataset['p'],
        // In its own place: a "For you" copy comes again in its section.
        firstNotSeen: papers.findIndex((li) => li.id !== '' && !li.classList.contains('sn')),
      };
    });
    expect(read.filter((id) => !opened.seen.includes(id))).toEqual([]);
    expect(opened.count).toBe(opened.seen.length.toLocaleString('en-US'));
    expect(opened.current).toBe(opened.firstNotSeen);
    // In the window once the papers around it are laid out (they grow from their estimated height).
    await settled(page);
    expect(await inWindow(page, '[aria-current=true]')).toBe(true);
    // Another server on the same database (a restart; any device): the same count, the same place.
    const again: Context = openContext(morning.world.context.config, {
      log: silentLogger,
      now: morning.world.context.now,
    });
    const restarted = await startServer(createApp({ context: again, holidays: new Set() }), {
      host: '127.0.0.1',
      port: 0,
    });
    try {
      const html = await (await fetch(`${restarted.url}${DAY_PATH}`)).text();
      expect(html).toContain(`<span id=sc>${opened.count}</span> of 1,310 seen`);
      expect(html).toContain(`<a href=#p-${opened.currentId}>on to the first not seen</a>`);
    } finally {
      await restarted.close();
      again.db.close();
    }
    // And it stays there: nothing moved it out since.
    expect(await inWindow(page, '[aria-current=true]')).toBe(true);
    // "Mark the rest seen" finishes the day.
    await click(page, '#seen button[name=rest]', 'Mark the rest seen');
    await expect.poll(() => morning.stored().size, WAIT).toBe(1310);
    // The page says so once the server's answer is back (the store has it a moment before).
    await expect.poll(() => page.locator('#sc').textContent(), WAIT).toBe('1,310');
    await page.context().close();
    const html = await (await fetch(`${morning.server.url}${DAY_PATH}`)).text();
    expect(html).toContain('<span id=sc>1,310</span> of 1,310 seen');
  });
});
