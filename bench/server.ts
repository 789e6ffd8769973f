// `npx tsx bench/server.ts`: wrk against the real server with 100,000 and 1,000,000 synthetic
// papers stored (BENCH_SIZES=100000 to shorten), next to a bare node:http server sending the
// same /rss.xml bytes from memory. Targets: /rss.xml >= half the bare req/s; / p99 < 20 ms.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config.ts';
import { fixedStarredSource, type Context } from '../src/app/context.ts';
import { silentLogger } from '../src/app/log.ts';
import { buildStarredList } from '../src/curate/starred-list.ts';
import { createApp } from '../src/server.ts';
import { startServer } from '../src/routes/listen.ts';
import { openBenchDb, runWrk, type WrkResult } from './support.ts';
import { BENCH_AUTHORS } from './synthetic.ts';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const WRK_ARGS = ['-t2', '-c32', '-d10s'];

async function runWrkDefault(url: string, headers: string[] = []): Promise<WrkResult> {
  return runWrk(url, WRK_ARGS, { headers });
}

function startBareServer(body: Buffer): Promise<{ url: string; close: () => void }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Content-Length': body.length });
    response.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/rss.xml`, close: () => server.close() });
    }),
  );
}

async function benchSize(size: number): Promise<string[]> {
  const db = openBenchDb(size);
  const config = loadConfig({ CURATOR_DB: db.name, LOG_LEVEL: 'silent' });
  const context: Context = {
    config,
    db,
    starred: fixedStarredSource(buildStarredList(BENCH_AUTHORS, 'bench')),
    log: silentLogger,
    now: () => new Date(),
    writeLock: { label: 'bench' },
  };
  const server = await startServer(createApp({ context, holidays: new Set() }), { host: '127.0.0.1', port: 0 });
  const warm = await fetch(`${server.url}rss.xml`);
  const rss = Buffer.from(await warm.arrayBuffer());
  const etag = warm.headers.get('etag')!;
  const page = await fetch(server.url);
  console.log(`${size} papers: / is ${(await page.arrayBuffer()).byteLength} bytes, /rss.xml ${rss.length} bytes`);
  const bare = await startBareServer(rss);
  const rows = [
    ['/', await runWrkDefault(server.url)],
    ['/rss.xml', await runWrkDefault(`${server.url}rss.xml`)],
    ['/rss.xml 304', await runWrkDefault(`${server.url}rss.xml`, [`If-None-Match: ${etag}`])],
    ['bare node:http /rss.xml', await runWrkDefault(bare.url)],
  ] as const;
  bare.close();
  await server.close();
  db.close();
  const bareRps = rows[3][1].requestsPerSec;
  return rows.map(
    ([target, result]) =>
      `| ${size.toLocaleString('en')} | ${target} | ${result.requestsPerSec.toFixed(0)} | ${(result.requestsPerSec / bareRps).toFixed(2)} | ${result.p50} | ${result.p99} | ${result.non2xx} |`,
  );
}

const lines = ['| papers | target | req/s | vs bare | p50 | p99 | non-2xx/3xx |', '|---|---|---|---|---|---|---|'];
for (const size of SIZES) lines.push(...(await benchSize(size)));
console.log(`\nwrk ${WRK_ARGS.join(' ')} --latency <url>\n`);
console.log(lines.join('\n'));
