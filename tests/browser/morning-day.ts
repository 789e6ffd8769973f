// The scripted reader who goes through the whole realistic day with the keys: a key per paper, s to
// save, h to hide, j to go on. 1,310 keys are most of a file's time, so the day is read in two parts,
// one a file (morning-day-*.test.ts), for vitest's two workers to share: the first part starts at
// the top of the day, the second where the reader left off, the page resuming at the first paper
// not seen. Together they press a key on every paper of the day, 15 saves and 15 hides.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readMarks } from '../../src/store/read/marks.ts';
import { insertSeenPapers } from '../../src/store/write/seen.ts';
import { DAY_PATH, REALISTIC_DAY, current, paperIds, pressKeys, useMorningPage } from './morning-page.ts';

/** The parts the day is read in (one a file). */
export const DAY_PARTS = 2;
/** Keys pressed between two looks at the current paper. */
const RUN = 120;

/** The key for each paper of the day: 15 saved and 15 hidden, far from "For you", the rest passed. */
function keysOfTheDay(ids: readonly string[]): { keys: string[]; saves: Set<string>; hides: Set<string> } {
  // Far from "For you" (its papers come again in their sections): each choice is one paper.
  const saves = new Set(ids.filter((_id, i) => i >= 100 && i % 80 === 0).slice(0, 15));
  const hides = new Set(ids.filter((_id, i) => i >= 100 && i % 80 === 40).slice(0, 15));
  const keys = ids.map((id) => (saves.has(id) ? 's' : hides.has(id) ? 'h' : 'j'));
  return { keys, saves, hides };
}

/**
 * The papers of the day's page in its order, copies included, as the keys go through them: read
 * from the HTML served, so a later part need not load the long page twice (the first part checks
 * they are the ones its page lists).
 */
async function servedPaperIds(url: string): Promise<string[]> {
  const html = await (await fetch(url)).text();
  const main = html.slice(html.indexOf('<main'));
  return [...main.matchAll(/<li\b[^>]*?\sdata-p=("?)([^\s">]+)\1/g)].map((match) => match[2]!);
}

/** Registers the test that reads part `part` (0 to DAY_PARTS - 1) of the day with the keys. */
export function readPartOfTheDay(part: number): void {
  const morning = useMorningPage();
  it(
    `goes through part ${part + 1} of ${DAY_PARTS} of the day with the keys: a key per paper, its saves and hides stored`,
    { timeout: 300_000 },
    async () => {
      const ids = await servedPaperIds(`${morning.server.url}${DAY_PATH}`);
      const { keys, saves, hides } = keysOfTheDay(ids);
      expect(keys.length).toBeLessThanOrEqual(1400);
      expect([saves.size, hides.size]).toEqual([15, 15]);
      const from = Math.floor((ids.length * part) / DAY_PARTS);
      const to = Math.floor((ids.length * (part + 1)) / DAY_PARTS);
      // The part's own keys. The first part starts at the top of the day with one key to pick the
      // first paper; a later one opens the day where the reader left off, the papers before it
      // stored as seen, and the page makes the first paper not seen the current one.
      let typed = keys.slice(from, to).join('');
      let page: Page;
      if (part === 0) {
        page = await morning.open(`${DAY_PATH}#starred`);
        expect(await paperIds(page)).toEqual(ids);
        typed = `j${typed}`;
      } else {
        insertSeenPapers(morning.world.context.db, REALISTIC_DAY, ids.slice(0, from), '2026-11-26T14:00:00Z');
        page = await morning.open();
        await page.waitForFunction(() => document.querySelector('[aria-current=true]'));
        expect(await current(page).getAttribute('data-p')).toBe(ids[from]);
      }
      // In runs, each followed by a look at the current paper: the one after the last handled.
      const first = part === 0 ? -1 : from;
      for (let sent = 0; sent < typed.length; sent += RUN) {
        await pressKeys(page, typed.slice(sent, sent + RUN));
        const at = Math.min(first + Math.min(sent + RUN, typed.length), ids.length - 1);
        expect(await current(page).getAttribute('data-p')).toBe(ids[at]);
      }
      const mine = (chosen: Set<string>) => ids.slice(from, to).filter((id) => chosen.has(id));
      const marked = () => {
        const marks = readMarks(morning.world.context.db);
        return [
          mine(saves).filter((id) => marks.get(id) === 'saved'),
          mine(hides).filter((id) => marks.get(id) === 'hidden'),
        ];
      };
      expect(mine(saves).length + mine(hides).length).toBeGreaterThan(0);
      await expect.poll(() => marked(), { timeout: 60_000 }).toEqual([mine(saves), mine(hides)]);
      // Nothing else was marked: a key moved exactly one paper on.
      expect(readMarks(morning.world.context.db).size).toBe(mine(saves).length + mine(hides).length);
      await page.context().close();
    },
  );
}
