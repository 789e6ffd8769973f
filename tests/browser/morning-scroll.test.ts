// The ten-minute morning in a real Chromium on the realistic day (1,310 papers, ranked): papers
// scrolled past on a phone's titles are seen, however fast the reader scrolls (morning-page.ts
// serves the day). Apart from the keys' file (morning-keys.test.ts) so no file nears 30 s.
import { describe, expect, it } from 'vitest';
import { skipWithoutChromium } from '../support/browser.ts';
import { DAY_PATH, WAIT, dimmed, leave, settled, useMorningPage } from './morning-page.ts';

// Generous limits for a shared machine: every wait is on an event, the DOM or the database.
describe.skipIf(skipWithoutChromium)('seen papers by scrolling in Chromium', { timeout: 120_000 }, () => {
  const morning = useMorningPage();

  it('marks every paper scrolled past as seen, a hundred and more of them, and none still below', async () => {
    // The ranked day with titles only, as a reader skims it on a phone: a paper every few lines.
    const page = await morning.open(`${DAY_PATH}?sort=score&view=titles`);
    // Down the day a wheel step at a time, far past the papers watched at first.
    for (let step = 0; step < 40; step++) {
      await page.mouse.wheel(0, 600);
      await settled(page);
    }
    const above = await page.locator('main li[data-p]').evaluateAll((items) => [
      ...new Set(
        items
          .filter((li) => {
            const box = li.getBoundingClientRect();
            return box.height > 0 && box.bottom <= 0;
          })
          .map((li) => (li as HTMLElement).dataset['p']!),
      ),
    ]);
    expect(above.length).toBeGreaterThan(100);
    await expect.poll(async () => (await dimmed(page)).sort(), WAIT).toEqual([...above].sort());
    expect((await leave(morning, page)).length).toBe(above.length);
  });
});
