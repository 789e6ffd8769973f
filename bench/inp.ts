// Interaction to Next Paint of the day's keys (j, s, h, a, t) on the realistic day, as Chrome
// measures it: Event Timing entries (PerformanceObserver 'event', durationThreshold 16 ms) of each
// key press, from the key down to the next paint after its handlers. A page with under 50
// interactions has the worst of them as its INP. Targets: 100 ms on a desktop, 200 ms on a phone
// with the CPU slowed 4x (Lighthouse's mobile CPU).
import type { Browser } from 'playwright-core';
import { keepOnLoopback } from '../tests/support/browser.ts';

export interface InpTarget {
  name: string;
  viewport: { width: number; height: number };
  mobile: boolean;
  cpuSlowdown: number;
  targetMs: number;
}

export const INP_TARGETS: InpTarget[] = [
  { name: 'desktop', viewport: { width: 1366, height: 900 }, mobile: false, cpuSlowdown: 1, targetMs: 100 },
  { name: 'phone, 4x CPU', viewport: { width: 390, height: 844 }, mobile: true, cpuSlowdown: 4, targetMs: 200 },
];

const KEYS = ['j', 's', 'h', 'a', 't'] as const;

/** Each key's interactions (ms), pressed `presses` times on the day's page at `url`. */
export async function measureKeys(
  browser: Browser,
  url: string,
  target: InpTarget,
  presses: number,
): Promise<Record<string, number[]>> {
  const context = await browser.newContext({ viewport: target.viewport, isMobile: target.mobile });
  const page = await context.newPage();
  try {
    await keepOnLoopback(page);
    await page.addInitScript(() => {
      const store = window as unknown as { __events: { id: number; duration: number }[] };
      store.__events = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { interactionId?: number })[])
          if (entry.interactionId) store.__events.push({ id: entry.interactionId, duration: entry.duration });
      }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    });
    await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
    await page.waitForFunction(() => document.getElementById('keys')?.textContent?.includes('Keys'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: target.cpuSlowdown });
    const figures: Record<string, number[]> = {};
    for (const key of KEYS) {
      figures[key] = [];
      for (let i = 0; i < presses; i++) {
        await page.evaluate(() => ((window as unknown as { __events: unknown[] }).__events = []));
        await page.keyboard.press(key);
        // The entry arrives after the next paint; a key under the threshold reports nothing: counted as 16 ms.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
        const events = await page.evaluate(() => (window as unknown as { __events: { duration: number }[] }).__events);
        figures[key].push(Math.max(16, ...events.map((event) => event.duration)));
      }
    }
    return figures;
  } finally {
    await context.close();
  }
}
