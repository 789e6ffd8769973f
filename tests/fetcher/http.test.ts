// The polite client against a real HTTP server on 127.0.0.1 (tests/support/fake-arxiv.ts).
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createHttpClient, HttpError, type HttpClient, type HttpClientOptions } from '../../src/fetcher/http.ts';
import { extractServerMessage } from '../../src/fetcher/http-failure.ts';
import { parseRetryAfter } from '../../src/fetcher/pacing.ts';
import {
  findClosedPort,
  readFixture,
  replyBytes,
  replyDrip,
  replyFixture,
  replyStall,
  replyStatus,
  replyText,
  replyTruncated,
  startFakeArxiv,
  type FakeArxiv,
  type Reply,
} from '../support/fake-arxiv.ts';

const UA = 'arxiv-curator/9.9.9 (+mailto:test@example.org)';
const RSS = 'rss2-cs.LG-2026-04-27-trimmed-3items.xml';
const ETAG = '"feed-2026-04-27"';
const LAST_MODIFIED = 'Mon, 27 Apr 2026 04:00:01 GMT';

let arxiv: FakeArxiv;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  arxiv = await startFakeArxiv();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await arxiv.close();
});

function makeClient(options: Partial<HttpClientOptions> = {}): HttpClient {
  const client = createHttpClient({ userAgent: UA, minIntervalMs: 0, ...options });
  cleanups.push(() => client.close());
  return client;
}

/** A sleep that only records what it was asked for, so long waits cost nothing. */
function recordSleeps() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

async function getError(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).message).not.toContain('\n');
  return error as HttpError;
}

function delayed(ms: number, reply: Reply): Reply {
  return (req, res) => void setTimeout(() => reply(req, res), ms);
}

describe('createHttpClient against fake arXiv', () => {
  it('identifies itself with the configured User-Agent and returns the body with its validators', async () => {
    arxiv.on('/rss/cs.LG', replyFixture(RSS, { etag: ETAG, lastModified: LAST_MODIFIED }));
    const response = await makeClient().get(`${arxiv.url}/rss/cs.LG`);
    expect(arxiv.requests[0]!.headers['user-agent']).toBe(UA);
    expect(arxiv.requests[0]!.headers['accept-encoding']).toBe('gzip');
    expect(response).toMatchObject({ status: 200, notModified: false, attempts: 1, body: readFixture(RSS) });
    expect(response.validators).toEqual({ etag: ETAG, lastModified: LAST_MODIFIED });
  });

  it('sends If-None-Match and If-Modified-Since and reports a 304 as notModified', async () => {
    arxiv.on('/rss/cs.LG', replyFixture(RSS, { etag: ETAG, lastModified: LAST_MODIFIED }));
    const client = makeClient();
    const first = await client.get(`${arxiv.url}/rss/cs.LG`);
    const second = await client.get(`${arxiv.url}/rss/cs.LG`, { validators: first.validators });
    expect(arxiv.requests[0]!.headers['if-none-match']).toBeUndefined();
    expect(arxiv.requests[1]!.headers['if-none-match']).toBe(ETAG);
    expect(arxiv.requests[1]!.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(second).toMatchObject({
      status: 304,
      notModified: true,
      body: '',
      validators: { etag: ETAG, lastModified: LAST_MODIFIED },
    });
  });

  it('spaces the starts of requests, retries included, by minIntervalMs', async () => {
    // A clock that moves only when the client waits: each start is stamped with it on arrival.
    let clock = 0;
    const starts: number[] = [];
    const stamped =
      (reply: Reply): Reply =>
      (req, res) => (starts.push(clock), reply(req, res));
    arxiv.on('/api/query', stamped(replyStatus(503)), stamped(replyStatus(503)), stamped(replyFixture(RSS)));
    const sleep = async (ms: number) => void (clock += ms);
    const client = makeClient({ minIntervalMs: 300, random: () => 0, now: () => clock, sleep });
    await client.get(`${arxiv.url}/api/query`);
    await client.get(`${arxiv.url}/api/query`);
    expect(starts).toHaveLength(4);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(300);
  });

  it('keeps the default 3 s between two requests (arXiv terms of use)', async () => {
    const config = loadConfig({});
    arxiv.on('/rss/cs', replyFixture(RSS));
    // A clock that stands still: the second request must wait the whole interval (the real
    // spacing of the real processes is tested in tests/e2e and tests/cli).
    const { waits, sleep } = recordSleeps();
    const client = makeClient({
      userAgent: config.userAgent,
      minIntervalMs: config.minIntervalMs,
      now: () => 0,
      sleep,
    });
    await client.get(`${arxiv.url}/rss/cs`);
    await client.get(`${arxiv.url}/rss/cs`);
    expect(config.minIntervalMs).toBe(3000);
    expect(arxiv.requests[0]!.headers['user-agent']).toMatch(/^arxiv-curator\/\d+\.\d+\.\d+ \(\+\S+\)$/);
    expect(waits).toEqual([3000]);
  });

  it('serialises concurrent get() calls even when the dispatcher allows many connections', async () => {
    const dispatcher = new Agent({ connections: 10 });
    cleanups.push(() => dispatcher.close());
    arxiv.on('/slow', delayed(100, replyFixture(RSS)));
    const client = makeClient({ dispatcher });
    const results = await Promise.all([1, 2, 3].map(() => client.get(`${arxiv.url}/slow`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(arxiv.requests).toHaveLength(3);
    expect(arxiv.maxInFlight).toBe(1);
  });

  it('honours Retry-After in seconds, then succeeds', async () => {
    arxiv.on('/oai', replyStatus(503, { retryAfter: 2 }), replyFixture(RSS));
    const { waits, sleep } = recordSleeps();
    const response = await makeClient({ sleep }).get(`${arxiv.url}/oai`);
    expect(waits).toEqual([2000]);
    expect(response).toMatchObject({ status: 200, attempts: 2 });
  });

  it('honours Retry-After as an HTTP-date', async () => {
    arxiv.on('/oai', replyStatus(429, { retryAfter: new Date(Date.now() + 120_000) }), replyFixture(RSS));
    const { waits, sleep } = recordSleeps();
    await makeClient({ sleep }).get(`${arxiv.url}/oai`);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(118_000);
    expect(waits[0]).toBeLessThanOrEqual(120_000);
  });

  it('gives up with a clear error when Retry-After exceeds the cap', async () => {
    arxiv.on('/oai', replyStatus(503, { retryAfter: 7200 }));
    const { waits, sleep } = recordSleeps();
    const error = await getError(makeClient({ sleep, maxRetryWaitMs: 300_000 }).get(`${arxiv.url}/oai`));
    expect(error.message).toBe(
      `${arxiv.url}/oai: HTTP 503 Service Unavailable; Retry-After asks for 7200 s, more than the 300 s cap, so giving up`,
    );
    expect(error).toMatchObject({ status: 503, attempts: 1, kind: 'status' });
    expect(waits).toEqual([]);
    expect(arxiv.requests).toHaveLength(1);
  });

  it('backs off with full jitter when a 503 has no Retry-After', async () => {
    arxiv.on('/api/query', replyStatus(503), replyStatus(502), replyFixture(RSS));
    const { waits, sleep } = recordSleeps();
    const response = await makeClient({ sleep, random: () => 0.5, retryBaseMs: 1000 }).get(`${arxiv.url}/api/query`);
    expect(waits).toEqual([500, 1000]);
    expect(response.attempts).toBe(3);
  });

  it('throws after maxAttempts of HTTP 500, counting the attempts', async () => {
    arxiv.on('/api/query', replyStatus(500));
    const { sleep } = recordSleeps();
    const error = await getError(makeClient({ sleep }).get(`${arxiv.url}/api/query`));
    expect(error.message).toBe(`${arxiv.url}/api/query: HTTP 500 Internal Server Error after 4 attempts`);
    expect(error).toMatchObject({ status: 500, attempts: 4, url: `${arxiv.url}/api/query` });
    expect(arxiv.requests).toHaveLength(4);
  });

  it('does not retry a 404', async () => {
    const { sleep, waits } = recordSleeps();
    const error = await getError(makeClient({ sleep }).get(`${arxiv.url}/nowhere`));
    expect(error).toMatchObject({ status: 404, attempts: 1, kind: 'status' });
    expect(error.message).toBe(`${arxiv.url}/nowhere: HTTP 404 Not Found`);
    expect(arxiv.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("throws arXiv's 400 with its own explanation and the body", async () => {
    const body = readFixture('api-error-http400-incorrect-id-format-abc-2026-04-12.xml');
    arxiv.on('/api/query', replyText(body, { status: 400 }));
    const error = await getError(makeClient().get(`${arxiv.url}/api/query?id_list=abc`));
    expect(error.message).toBe(`${arxiv.url}/api/query?id_list=abc: HTTP 400 Bad Request: incorrect id format for abc`);
    expect(error).toMatchObject({ status: 400, attempts: 1, serverMessage: 'incorrect id format for abc', body });
  });

  it('times out a server that never answers, naming the timeout', async () => {
    arxiv.on('/stall', replyStall());
    const error = await getError(makeClient({ headersTimeoutMs: 300, maxAttempts: 1 }).get(`${arxiv.url}/stall`));
    expect(error.message).toBe(`${arxiv.url}/stall: timed out after 300 ms waiting for the response headers`);
    expect(error.kind).toBe('timeout');
  });

  it('times out a body that stalls after the headers, and retries it', async () => {
    arxiv.on('/stall', replyStall({ afterHeaders: true }));
    const error = await getError(
      makeClient({ bodyTimeoutMs: 300, maxAttempts: 2, random: () => 0 }).get(`${arxiv.url}/stall`),
    );
    expect(error.message).toBe(
      `${arxiv.url}/stall: timed out after 300 ms waiting for the body; gave up after 2 attempts`,
    );
    expect(arxiv.requests).toHaveLength(2);
  });

  it('stops a body that drips slower than the whole-response deadline', async () => {
    arxiv.on('/drip', replyDrip('x'.repeat(1000), { intervalMs: 20 }));
    const error = await getError(makeClient({ deadlineMs: 400, maxAttempts: 1 }).get(`${arxiv.url}/drip`));
    expect(error.message).toBe(`${arxiv.url}/drip: timed out after 400 ms (whole response)`);
  });

  it('stops a body arriving a byte at a time after the grace period, whatever its deadline', async () => {
    arxiv.on('/drip', replyDrip('x'.repeat(100_000), { intervalMs: 20 }));
    const client = makeClient({ minBytesPerSecond: 1000, rateGraceMs: 300, maxAttempts: 1 });
    const error = await getError(client.get(`${arxiv.url}/drip`));
    expect(error.message).toMatch(
      new RegExp(
        `^${arxiv.url}/drip: body arriving at \\d+ bytes/s \\(\\d+ bytes in 0\\.\\d s\\), below the minimum of 1000 bytes/s$`,
      ),
    );
    expect(error.kind).toBe('timeout');
  });

  it('lets a body that keeps the minimum rate finish', async () => {
    arxiv.on('/steady', replyDrip('x'.repeat(2000), { intervalMs: 10, chunkBytes: 100 }));
    const response = await makeClient({ minBytesPerSecond: 1000, rateGraceMs: 50 }).get(`${arxiv.url}/steady`);
    expect(response.body).toHaveLength(2000);
  });

  it('retries a body cut short of its Content-Length', async () => {
    arxiv.on('/rss/cs.LG', replyTruncated('x'.repeat(5000), 1234), replyFixture(RSS));
    const response = await makeClient({ random: () => 0 }).get(`${arxiv.url}/rss/cs.LG`);
    expect(response).toMatchObject({ status: 200, attempts: 2, body: readFixture(RSS) });
  });

  it('reports a body that keeps ending early with the byte counts', async () => {
    arxiv.on('/rss/cs.LG', replyTruncated('x'.repeat(5000), 1234));
    const error = await getError(makeClient({ maxAttempts: 2, random: () => 0 }).get(`${arxiv.url}/rss/cs.LG`));
    expect(error.message).toMatch(/: body ended early \(got \d+ of 5000 bytes\); gave up after 2 attempts$/);
    expect(Number(/got (\d+)/.exec(error.message)![1])).toBeLessThanOrEqual(1234);
    expect(error).toMatchObject({ kind: 'truncated', attempts: 2 });
  });

  it('decompresses a gzip body', async () => {
    arxiv.on('/rss/cs.LG', replyFixture(RSS, { gzip: true }));
    const response = await makeClient().get(`${arxiv.url}/rss/cs.LG`);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.body).toBe(readFixture(RSS));
  });

  it.each([
    ['declared by Content-Length', replyBytes(5000), 1000, 'body larger than 1000 bytes (Content-Length 5000)'],
    ['chunked, counted as it streams', replyBytes(5000, { chunked: true }), 1000, 'body larger than 1000 bytes'],
    [
      'a gzip bomb (10 MB of "a" in ~10 KB)',
      replyBytes(10 * 1024 * 1024, { gzip: true, chunked: true }),
      1024 * 1024,
      'body larger than 1 MB',
    ],
  ])('refuses a body over the cap: %s', async (_name, reply, maxBytes, reason) => {
    arxiv.on('/big', reply);
    const error = await getError(makeClient({ maxBytes }).get(`${arxiv.url}/big`));
    expect(error.message).toBe(`${arxiv.url}/big: ${reason}`);
    expect(error).toMatchObject({ kind: 'too-large', attempts: 1 });
    expect(arxiv.requests).toHaveLength(1);
  });

  it('names the URL when the connection is refused', async () => {
    const url = `http://127.0.0.1:${await findClosedPort()}/rss/cs.LG`;
    const error = await getError(makeClient({ maxAttempts: 2, random: () => 0 }).get(url));
    expect(error.message).toBe(`${url}: connection refused; gave up after 2 attempts`);
    expect(error).toMatchObject({ url, kind: 'network', attempts: 2, status: undefined });
  });

  it('stops waiting for a Retry-After as soon as the client signal aborts', async () => {
    arxiv.on('/oai', replyStatus(503, { retryAfter: 60 }));
    const controller = new AbortController();
    const waits: number[] = [];
    // The wait ends only through its signal: a client that did not pass it on would never return.
    const sleep = (ms: number, signal?: AbortSignal) =>
      new Promise<void>((_resolve, reject) => {
        waits.push(ms);
        signal?.addEventListener('abort', () => reject(signal.reason));
        controller.abort();
      });
    const client = makeClient({ signal: controller.signal, sleep });
    const error = await getError(client.get(`${arxiv.url}/oai`));
    expect(error).toMatchObject({ kind: 'aborted', attempts: 1 });
    expect(error.message).toBe(`${arxiv.url}/oai: aborted`);
    expect(waits).toEqual([60_000]);
  });
});

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  const now = Date.parse('2026-04-27T04:00:00Z');
  it.each([
    ['120', 120_000],
    ['Mon, 27 Apr 2026 04:00:30 GMT', 30_000],
    ['Mon, 27 Apr 2026 03:00:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s -> %s ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('extractServerMessage', () => {
  it('reads the RSS service error feed and the OAI-PMH error element', () => {
    const rss =
      '<rss><channel><title>Feed error for query: cs.XX</title><link>x</link><description>Invalid category: cs.XX &amp; more</description></channel></rss>';
    expect(extractServerMessage(rss)).toBe('Invalid category: cs.XX & more');
    const oai = '<OAI-PMH><error code="badArgument">Illegal\n  argument</error></OAI-PMH>';
    expect(extractServerMessage(oai)).toBe('badArgument: Illegal argument');
    expect(extractServerMessage('<html><body>Bad gateway</body></html>')).toBeUndefined();
  });
});
