// `npx tsx bench/page.ts`: the daily skim on the realistic full-size day (1,310 papers, every
// abstract; tests/support/realistic-day.ts). Targets: server render of an uncached
// day < 100 ms; Largest Contentful Paint < 2.5 s in Chromium throttled like Lighthouse's mobile
// preset; INP of the keys j, s, h, a, t < 100 ms on a desktop and < 200 ms on a phone with 4x CPU
// throttling (bench/inp.ts). A missed target exits non-zero. Also reported: the page's bytes (raw,
// brotli as sent), the uncached response with compression, the daily feed's
// item and the mail's two parts. BENCH_RUNS, BENCH_LOADS and BENCH_PRESSES set the repetitions.
import { brotliDecompressSync } from 'node:zlib';
import { ensureRankModel } from '../src/jobs/retrain.ts';
import { composeDigestMail } from '../src/mail/compose.ts';
import { measureTransferred } from '../src/mail/fit.ts';
import { renderDigestHtml } from '../src/render/html.ts';
import { forgetRenderedMath } from '../src/render/tex-html.ts';
import { createApp } from '../src/server.ts';
import { startServer } from '../src/routes/listen.ts';
import { loadDayDigest } from '../src/views/day.ts';
import {
  LIGHTHOUSE_DEVTOOLS_THROTTLING,
  MOBILE_THROTTLING,
  launchChromium,
  measurePageLoad,
  type Throttling,
} from '../tests/support/browser.ts';
import { REALISTIC_DAY, createRealisticWorld } from '../tests/support/realistic-world.ts';
import { INP_TARGETS, measureKeys } from './inp.ts';
import { judge } from './targets.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const PRESSES = Number(process.env.BENCH_PRESSES ?? 10);
const BASE = 'http://127.0.0.1:3000';

function summarize(label: string, values: number[], unit: string, target?: number): string {
  if (values.length === 0) return `${label}: not measured`;
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const p90 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!;
  const verdict = target === undefined ? '' : ` (target < ${target} ${unit}: ${judge(median < target)})`;
  return `${label}: median ${median.toFixed(1)} ${unit}, p90 ${p90.toFixed(1)}, min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)} over ${values.length} runs${verdict}`;
}

const world = createRealisticWorld();
const { context } = world;
// Ranked from the starred authors' papers: "For you", scores and controls on every paper.
ensureRankModel(context);
const holidays = new Set<string>();
const renderDay = () =>
  renderDigestHtml(loadDayDigest(context, holidays, REALISTIC_DAY).view, {
    baseUrl: BASE,
    archive: [REALISTIC_DAY],
    controls: true,
  });

// A running server is warm: its first render after start-up is not what a morning visit meets.
for (let i = 0; i < 5; i++) renderDay();
// First the render after a fetch: none of the day's formulas rendered yet (the process keeps
// them, src/render/tex-html.ts); then the render after a save or a hide, with them.
const firstRenders: number[] = [];
const renders: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  forgetRenderedMath();
  let started = performance.now();
  renderDay();
  firstRenders.push(performance.now() - started);
  started = performance.now();
  const usage = process.cpuUsage();
  renderDay();
  renders.push(performance.now() - started);
  const used = process.cpuUsage(usage);
  cpu.push((used.user + used.system) / 1000);
}
console.log(summarize('server render of the day after a fetch (view + HTML, formulas new)', firstRenders, 'ms', 100));
console.log(summarize('server render of the day again, after a save (formulas known)', renders, 'ms', 100));
// CPU time is what the render costs whatever else runs on the machine (the wall time above waits
// for a core when other processes hold them; the process's other threads, such as GC, count too).
console.log(summarize('  the same, CPU time of the process', cpu, 'ms'));

// The whole uncached response as the server sends it: render, brotli, headers (a fresh app each
// time, so its cache of rendered bodies is empty).
const responses: number[] = [];
let brotliBytes = 0;
let rawBytes = 0;
for (let i = 0; i < RUNS; i++) {
  forgetRenderedMath();
  const app = createApp({ context, holidays });
  const started = performance.now();
  const response = await app.request(`/digest/${REALISTIC_DAY}`, { headers: { 'Accept-Encoding': 'br' } });
  const body = Buffer.from(await response.arrayBuffer());
  responses.push(performance.now() - started);
  brotliBytes = body.length;
  rawBytes = brotliDecompressSync(body).length;
}
console.log(summarize('uncached response with brotli (app.request)', responses, 'ms'));
console.log(`page of the day: ${rawBytes} bytes of HTML, ${brotliBytes} bytes with brotli (as sent)`);

const daily = await (await createApp({ context, holidays }).request('/rss/daily.xml')).text();
const item = /<item>[\s\S]*?<\/item>/.exec(daily)![0];
console.log(
  `daily feed: ${Buffer.byteLength(daily)} bytes for its days; the realistic day's item ${Buffer.byteLength(item)} bytes`,
);

const mail = composeDigestMail(loadDayDigest(context, holidays, REALISTIC_DAY).view, {
  recipients: ['reader@example.org'],
  baseUrl: BASE,
  publicUrl: true,
});
console.log(
  `mail: HTML part ${measureTransferred(mail.html)} bytes as sent (${Buffer.byteLength(mail.html)} decoded), text part ${measureTransferred(mail.text)} bytes as sent`,
);

const browser = await launchChromium();
async function measureLcp(name: string, throttling: Throttling): Promise<void> {
  const lcps: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    // A new app per load: the server renders the day afresh, as on the first visit after a fetch.
    forgetRenderedMath();
    const server = await startServer(createApp({ context, holidays }), { host: '127.0.0.1', port: 0 });
    const figures = await measurePageLoad(browser, `${server.url}digest/${REALISTIC_DAY}`, throttling);
    await server.close();
    lcps.push(figures.lcpMs);
    console.log(`  ${name} load ${i + 1}: ${JSON.stringify(figures)}`);
  }
  const { latencyMs, downloadBps, cpuSlowdown } = throttling;
  // kbit/s as Lighthouse counts them (1,024 bits): its "1.6 Mbps" is 1,638.4.
  const how = `${latencyMs} ms latency, ${((downloadBps * 8) / 1024).toFixed(1)} kbit/s, ${cpuSlowdown}x CPU`;
  const line = summarize(`LCP, Chromium throttled as ${name} (${how})`, lcps, 'ms', 2500);
  console.log(line);
}

/** INP of each key on the day's page, desktop and a 4x slower phone (bench/inp.ts); the worst press is the INP. */
async function measureInp(): Promise<void> {
  const server = await startServer(createApp({ context, holidays }), { host: '127.0.0.1', port: 0 });
  try {
    for (const target of INP_TARGETS) {
      const figures = await measureKeys(browser, `${server.url}digest/${REALISTIC_DAY}`, target, PRESSES);
      for (const [key, durations] of Object.entries(figures)) {
        const sorted = [...durations].sort((a, b) => a - b);
        const worst = sorted.at(-1)!;
        const verdict = judge(worst < target.targetMs);
        console.log(
          `INP of ${key} on the ${target.name}: worst ${worst.toFixed(0)} ms, median ${sorted[sorted.length >> 1]!.toFixed(0)} ms over ${sorted.length} presses (target < ${target.targetMs} ms: ${verdict})`,
        );
      }
    }
  } finally {
    await server.close();
  }
}

try {
  await measureLcp('Lighthouse mobile', MOBILE_THROTTLING);
  await measureLcp('Lighthouse mobile through DevTools', LIGHTHOUSE_DEVTOOLS_THROTTLING);
  await measureInp();
} finally {
  await browser.close();
  world.close();
}
