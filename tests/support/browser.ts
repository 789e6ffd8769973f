// Debian's Chromium driven by playwright-core (never `npx playwright install`), with the flags
// that keep it off the network, and the throttling of Lighthouse's mobile preset for timings.
import { existsSync } from 'node:fs';
import type { Hono } from 'hono';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/routes/listen.ts';

export const CHROMIUM = '/usr/bin/chromium';
// .ci/run installs chromium: there a missing browser fails the run instead of skipping.
export const skipWithoutChromium = !existsSync(CHROMIUM) && process.env.CI !== 'true';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * This process's Chromium: launched at the first call and kept for the test files that come next
 * in the same vitest worker (a launch costs a second of CPU); playwright ends it when the process
 * exits. Tests open their own contexts in it; closeChromium closes them.
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium().then(
    (browser) => (browser.on('disconnected', () => (shared = undefined)), browser),
    (error: unknown) => {
      shared = undefined;
      throw error;
    },
  );
  return shared;
}

/** The app on a loopback port, and this worker's Chromium to read it. */
export async function serveToChromium(app: Hono): Promise<{ server: RunningServer; browser: Browser }> {
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  return { server, browser: await sharedChromium() };
}

/**
 * Ends what serveToChromium started, or what of it started: the server, and the contexts the test
 * opened in the shared Chromium (it stays for the next file); a browser of launchChromium's is closed.
 */
export async function closeChromium(opened: { server?: RunningServer; browser?: Browser }): Promise<void> {
  const { browser } = opened;
  if (browser) {
    const isShared = shared !== undefined && (await shared.catch(() => undefined)) === browser;
    if (isShared) await Promise.all(browser.contexts().map((context) => context.close()));
    else await browser.close();
  }
  await opened.server?.close();
}

/** Nothing may leave the machine: links to arXiv are only followed by a person (context: new tabs too). */
export async function keepOnLoopback(target: Page | BrowserContext): Promise<void> {
  await target.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
}

export interface Throttling {
  /** Added to every request, ms. */
  latencyMs: number;
  /** Bytes per second. */
  downloadBps: number;
  uploadBps: number;
  cpuSlowdown: number;
}

/**
 * Lighthouse's mobile preset (`mobileSlow4G` in lighthouse-core/config/constants.js): 150 ms RTT,
 * 1.6 Mbit/s down (1.6 × 1024 kbit/s), 750 kbit/s up, 4x CPU slowdown; applied through the
 * DevTools protocol.
 */
export const MOBILE_THROTTLING: Throttling = {
  latencyMs: 150,
  downloadBps: (1.6 * 1024 * 1024) / 8,
  uploadBps: (750 * 1024) / 8,
  cpuSlowdown: 4,
};

/**
 * The same preset as Lighthouse applies it when it throttles through DevTools rather than
 * simulating: request latency 3.75 × RTT (562.5 ms) and 90% of the throughput. Stricter.
 */
export const LIGHTHOUSE_DEVTOOLS_THROTTLING: Throttling = {
  latencyMs: 150 * 3.75,
  downloadBps: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadBps: (750 * 1024 * 0.9) / 8,
  cpuSlowdown: 4,
};

export interface PageLoadFigures {
  /** Largest Contentful Paint, ms after navigation start. */
  lcpMs: number;
  /** The element LCP chose, e.g. `H1` or `P`. */
  lcpElement: string;
  /** Bytes over the wire for the document (compressed), from Resource Timing. */
  documentTransferBytes: number;
  /** First byte of the document, ms after navigation start. */
  responseStartMs: number;
  firstContentfulPaintMs: number;
  domContentLoadedMs: number;
  loadMs: number;
}

/** Loads `url` throttled like Lighthouse's mobile preset and reads LCP from a PerformanceObserver. */
export async function measurePageLoad(
  browser: Browser,
  url: string,
  throttling: Throttling = MOBILE_THROTTLING,
): Promise<PageLoadFigures> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  try {
    await keepOnLoopback(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: throttling.latencyMs,
      downloadThroughput: throttling.downloadBps,
      uploadThroughput: throttling.uploadBps,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttling.cpuSlowdown });
    // Registered before any script of the page runs; buffered entries cover paints before it.
    await page.addInitScript(() => {
      const store = window as unknown as { __lcp: { time: number; element: string } };
      store.__lcp = { time: 0, element: '' };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[])
          store.__lcp = {
            time: entry.startTime,
            element: `${entry.element?.tagName ?? ''} ${entry.element?.textContent?.slice(0, 40) ?? ''}`,
          };
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return await page.evaluate(() => {
      const lcp = (window as unknown as { __lcp: { time: number; element: string } }).__lcp;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        lcpMs: Math.round(lcp.time),
        lcpElement: lcp.element,
        documentTransferBytes: navigation.transferSize,
        responseStartMs: Math.round(navigation.responseStart),
        firstContentfulPaintMs: Math.round(fcp?.startTime ?? 0),
        domContentLoadedMs: Math.round(navigation.domContentLoadedEventEnd),
        loadMs: Math.round(navigation.loadEventEnd),
      };
    });
  } finally {
    await context.close();
  }
}
