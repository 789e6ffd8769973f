// The automatic send: after a run that stores a new announcement day, the digest is mailed;
// an SMTP outage fails the run so the runner retries, shows on /healthz, and the day is delivered then.
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackgroundJobs, type BackgroundJobs } from '../../src/jobs/background.ts';
import { getLastSendStatus } from '../../src/store/read/sends.ts';
import { createApp } from '../../src/server.ts';
import { replyRssDay } from '../support/fake-arxiv.ts';
import { createArxivWorld, RSS_PATH, type ArxivWorld } from '../jobs/world.ts';
import { watchLogEvents } from '../support/log-events.ts';
import { findClosedPort, startSmtp, type TestSmtp } from './smtp.ts';

const DAYS_BEFORE = ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24', '2026-04-27'];
let world: ArxivWorld;
let smtp: TestSmtp | undefined;
let jobs: BackgroundJobs | undefined;
afterEach(async () => {
  await jobs?.stop();
  await smtp?.close();
  await world?.dispose();
});

/** The runner's wait before a retry: held until the test stops the jobs. */
const holdRetry = (_ms: number, signal?: AbortSignal) =>
  new Promise<void>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));

function start(mail: { sleep?: (ms: number) => Promise<void> } = { sleep: async () => {} }): BackgroundJobs {
  const trigger = () => ({ stop: () => {} });
  return startBackgroundJobs(world.context, world.http, { trigger, sleep: holdRetry, mail: { ...mail, maxDays: 1 } });
}

/** Tuesday 28 April 2026 00:40 New York: the week before stored, the feed of the day served. */
async function createMailWorld(smtpUrl: string): Promise<ArxivWorld> {
  const created = await createArxivWorld('2026-04-28T04:40:00Z', {
    SMTP_URL: smtpUrl,
    DIGEST_TO: 'reader@example.org',
  });
  for (const day of DAYS_BEFORE) created.ingestDay(day, []);
  created.arxiv.on(RSS_PATH, replyRssDay('2026-04-28'));
  return created;
}

/** The world's log, watched: `events.next(name)` resolves when the jobs log that event. */
function watchWorldLog() {
  const events = watchLogEvents();
  world.context = { ...world.context, log: events.log };
  return events;
}

/** An SMTP server that is always busy (421, RFC 5321 §4.2.2: try again later): counts who tried. */
async function startBusySmtp(): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.end('421 127.0.0.1 Service not available, try again later\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the scheduled run mails the new day', () => {
  it('sends the digest of the day it stored', async () => {
    smtp = await startSmtp();
    world = await createMailWorld(smtp.url);
    jobs = start();
    await jobs.idle();
    expect(smtp.received.map((mail) => mail.mail.subject)).toEqual([
      expect.stringMatching(/^arXiv digest Tue, 28 Apr: /),
    ]);
    expect(getLastSendStatus(world.context.db)).toMatchObject({ lastSentDay: '2026-04-28', pending: [] });
  });

  it('retries a refused SMTP connection in a later run and then delivers the day', async () => {
    world = await createMailWorld(`smtp://127.0.0.1:${await findClosedPort()}`);
    const retry = watchWorldLog().next('scheduler.retry');
    const failing = start();
    await retry;
    expect(getLastSendStatus(world.context.db)).toMatchObject({
      pending: ['2026-04-28'],
      lastError: { day: '2026-04-28' },
    });
    const health = await (
      await createApp({ context: world.context, status: () => failing.status() }).request('/healthz')
    ).json();
    expect(health.mail).toMatchObject({
      lastSentDay: null,
      pending: ['2026-04-28'],
      lastError: { day: '2026-04-28', error: expect.stringMatching(/ECONNREFUSED|refused/i) },
    });
    expect(health.activity).toMatch(/Sending the digest of 2026-04-28 failed/);
    await failing.stop();

    smtp = await startSmtp();
    const config = { ...world.context.config, smtpUrl: smtp.url };
    world.context = { ...world.context, config };
    jobs = start();
    await jobs.idle();
    expect(smtp.received).toHaveLength(1);
    expect(getLastSendStatus(world.context.db)).toMatchObject({ lastSentDay: '2026-04-28', pending: [] });
  });

  it('shows each wait to try the SMTP server again, then the run waiting to retry, for /healthz', async () => {
    world = await createMailWorld(`smtp://127.0.0.1:${await findClosedPort()}`);
    const seen: ReturnType<BackgroundJobs['retries']>[] = [];
    let retrying!: () => void;
    const runRetry = new Promise<void>((resolve) => (retrying = resolve));
    const failing = startBackgroundJobs(world.context, world.http, {
      trigger: () => ({ stop: () => {} }),
      sleep: (ms, signal) => (retrying(), holdRetry(ms, signal)),
      mail: { sleep: async () => void seen.push(failing.retries()), maxDays: 1 },
    });
    jobs = failing;
    await runRetry;
    const refused = expect.stringMatching(/ECONNREFUSED|refused/i);
    const later = (failure: { failedAt: string; retryAt: string }) =>
      Date.parse(failure.retryAt) - Date.parse(failure.failedAt);
    expect(seen).toEqual([
      { mail: expect.objectContaining({ failures: 1, error: refused }) },
      { mail: expect.objectContaining({ failures: 2, error: refused }) },
    ]);
    expect(seen.map((retries) => later(retries['mail']!))).toEqual([5_000, 10_000]);
    const { round } = failing.retries();
    expect(failing.retries()).toEqual({ round: expect.objectContaining({ failures: 1 }) });
    expect(round!.error).toMatch(/^Sending the digest of 2026-04-28 failed/);
    expect(later(round!)).toBe(5 * 60_000);
  });

  it('stops at once while waiting to retry the SMTP server (SIGTERM), before trying it again', async () => {
    const busy = await startBusySmtp();
    try {
      world = await createMailWorld(busy.url);
      const retrying = watchWorldLog().next('mail.retry');
      const running = start({}); // the real waits between tries: 5 s, then 10 s
      expect((await retrying).fields).toMatchObject({ attempt: 1, waitMs: 5000 });
      await running.stop();
      // Had stop() waited for the wait to end, the server would have been tried again by now.
      expect(busy.connections()).toBe(1);
      expect(getLastSendStatus(world.context.db).pending).toEqual(['2026-04-28']);
    } finally {
      await busy.close();
    }
  });
});
