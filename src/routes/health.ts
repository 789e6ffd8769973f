// `/healthz` for a monitor: 200 `ok`; 200 `degraded` with the reasons (pages are served but
// something needs a look: the database cannot be written, the disk is nearly full, fetches fail or
// have not succeeded for days, the mail fails, a hand-edited configuration file is broken); 503 `error` when pages cannot be served (the
// database cannot be read). Monitors poll it, so the answer is computed at most every few seconds.
// The mail's last error names hosts: only a client on this machine sees it whole. In serve it also
// shows the threads (one that failed and waits to restart makes it degraded) and the retries waiting.
import { accessSync, constants, statfsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname } from 'node:path';
import type { Context as HonoContext, Hono } from 'hono';
import type { RetryView } from '../app/backoff.ts';
import type { Context } from '../app/context.ts';
import type { ThreadHealth } from '../app/worker-thread.ts';
import { isMailConfigured } from '../mail/settings.ts';
import { countPapers } from '../store/read/papers.ts';
import { getFetchHealth, getLastFetchRun } from '../store/read/runs.ts';
import { listRoundParts } from '../store/read/round-parts.ts';
import { getLastSendStatus } from '../store/read/sends.ts';
import { clientOf } from './hosts.ts';
import type { Site } from './site.ts';
import { firstLineOf } from '../text/first-line.ts';

/** What the health check asks of the machine; tests give their own. */
export interface HealthProbes {
  /** Bytes free to us on the file system holding `path`. */
  freeBytes(path: string): number;
  /** Whether this process may write `path`. */
  canWrite(path: string): boolean;
}

export const DEFAULT_PROBES: HealthProbes = {
  freeBytes: (path) => {
    const stats = statfsSync(path);
    return stats.bavail * stats.bsize;
  },
  canWrite: (path) => {
    try {
      accessSync(path, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
};

const CACHE_MS = 5_000;
/** Less than this free and a day's fetch (its WAL, its FTS segments) may not fit. */
const LOW_DISK_BYTES = 100 * 1024 * 1024;
/** Weekends and a holiday make at most four days without a new announcement. */
const STALE_MS = 4 * 24 * 3600_000;

interface Health {
  code: 200 | 503;
  body: Record<string, unknown>;
}

/** serve's worker threads, by name (`render 1`, `scheduler`, `ranking`), and what waits to be tried again. */
export interface BackgroundHealth {
  threads: Record<string, ThreadHealth>;
  retries: Record<string, RetryView>;
}

export function registerHealth(
  app: Hono,
  site: Site,
  probes: HealthProbes = DEFAULT_PROBES,
  background?: () => BackgroundHealth,
): void {
  let cached: { at: number; health: Health } | undefined;
  app.get('/healthz', (c) => {
    const at = Date.now();
    if (cached === undefined || at - cached.at >= CACHE_MS)
      cached = { at, health: withBackground(checkHealth(site, probes), background?.()) };
    const { code, body } = cached.health;
    const mail = body['mail'] as { lastError: { error: string } | null } | null;
    const shown = mail?.lastError && !isLocalClient(c) ? withoutHostDetails(body, mail) : body;
    return c.json(shown, code, { 'Cache-Control': 'no-store' });
  });
}

function checkHealth(site: Site, probes: HealthProbes): Health {
  const status = site.status();
  const nextRun = status.nextRunAt ?? null;
  const { context } = site;
  let facts;
  try {
    facts = readFacts(context);
  } catch (error) {
    context.log.error('healthz.database', { error: (error as Error).message });
    const reason = `the database cannot be read (${firstLineOf(error)})`;
    return { code: 503, body: { status: 'error', reasons: [reason], database: 'error', nextRun } };
  }
  const writable = !context.db.readonly && canWriteDatabase(context, probes);
  // A hand-edited configuration file that cannot be used: named with its line and problem.
  const problems = site.problems();
  const reasons = [
    ...(writable ? [] : ['the database is read-only: new announcements cannot be stored']),
    ...describeDisk(context, probes),
    ...describeFetches(facts.fetches, context.now()),
    ...describeFailedParts(facts.round),
    ...(facts.mail?.lastError ? [`the digest mail of ${facts.mail.lastError.day} failed`] : []),
    ...problems.map(
      (p) =>
        `${p.file}${p.line === undefined ? '' : ` line ${p.line}`}: ${p.problem} (the last good version is in use)`,
    ),
  ];
  const body = {
    status: reasons.length === 0 ? 'ok' : 'degraded',
    reasons,
    database: writable ? 'ok' : 'read-only',
    papers: facts.papers,
    lastFetch: facts.lastFetch,
    nextRun,
    activity: status.activity ?? null,
    mail: facts.mail,
    round: facts.round,
    config: problems,
  };
  return { code: 200, body };
}

/** The threads and retries beside the rest: a thread waiting to restart, or a retry waiting, is a reason. */
function withBackground(health: Health, background: BackgroundHealth | undefined): Health {
  if (background === undefined) return health;
  const reasons = [
    ...Object.entries(background.threads)
      .filter(([, thread]) => thread.state === 'restarting')
      .map(([name, thread]) => `the ${name} thread failed (${thread.lastError}); it restarts at ${thread.restartAt}`),
    ...Object.entries(background.retries).map(
      ([name, retry]) =>
        `the ${name} failed ${retry.failures === 1 ? 'once' : `${retry.failures} times in a row`} ` +
        `(${retry.error}); it tries again at ${retry.retryAt}`,
    ),
  ];
  const body: Record<string, unknown> = { ...health.body, threads: background.threads, retries: background.retries };
  if (reasons.length === 0 || health.code === 503) return { code: health.code, body };
  return { code: 200, body: { ...body, status: 'degraded', reasons: [...(body['reasons'] as string[]), ...reasons] } };
}

function readFacts(context: Context) {
  const { db } = context;
  const run = getLastFetchRun(db);
  const lastFetch = run
    ? { time: run.finishedAt ?? run.startedAt, status: run.status, error: run.error, day: run.day }
    : null;
  return {
    papers: countPapers(db),
    lastFetch,
    fetches: getFetchHealth(db),
    mail: describeMail(context),
    round: describeRound(db),
  };
}

/**
 * The parts of the daily round after arXiv's feed, one line each: when it last ran, whether it did
 * its work (`ok`), what it did, and its problems (a blog feed that cannot be read, say).
 */
function describeRound(db: Context['db']) {
  return Object.fromEntries(
    listRoundParts(db).map((part) => [
      part.part,
      { time: part.finishedAt, ok: part.ok, summary: part.summary, problems: part.problems },
    ]),
  );
}

/** A part of the round that did not do its work (no feed read, arXiv unreachable) is a reason of its own. */
function describeFailedParts(round: ReturnType<typeof describeRound>): string[] {
  return Object.entries(round)
    .filter(([, part]) => !part.ok)
    .map(([name, part]) => `the round's ${name} part failed (${part.time}): ${part.summary}`);
}

function canWriteDatabase(context: Context, probes: HealthProbes): boolean {
  const path = context.config.dbPath;
  // SQLite writes beside the file too (-wal, -shm, the journal), so the folder counts as much.
  return path === ':memory:' || (probes.canWrite(path) && probes.canWrite(dirname(path)));
}

function describeDisk(context: Context, probes: HealthProbes): string[] {
  if (context.config.dbPath === ':memory:') return [];
  const free = probes.freeBytes(dirname(context.config.dbPath));
  return free < LOW_DISK_BYTES ? [`the database's disk is nearly full: ${Math.floor(free / 1048576)} MB free`] : [];
}

function describeFetches(fetches: ReturnType<typeof getFetchHealth>, now: Date): string[] {
  const reasons: string[] = [];
  const { lastEnded, lastSuccessAt } = fetches;
  if (lastEnded?.error) reasons.push(`the last fetch failed (${lastEnded.finishedAt}): ${lastEnded.error}`);
  if (lastSuccessAt === undefined) reasons.push('no fetch has succeeded yet');
  else if (now.getTime() - Date.parse(lastSuccessAt) > STALE_MS)
    reasons.push(`no fetch has succeeded since ${lastSuccessAt}`);
  return reasons;
}

/** The digest mail as /healthz shows it: null when SMTP is not configured. */
function describeMail(context: Context) {
  if (!isMailConfigured(context.config)) return null;
  const sends = getLastSendStatus(context.db);
  return {
    lastSentDay: sends.lastSentDay ?? null,
    lastSentAt: sends.lastSentAt ?? null,
    pending: sends.pending,
    lastError: sends.lastError ?? null,
  };
}

/** A client on this machine, not through a proxy (hosts.ts: the same test writes pass). */
function isLocalClient(c: HonoContext): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return clientOf(incoming, (name) => c.req.header(name)).local;
}

/** The SMTP error reduced to its codes: `ESOCKET, ECONNREFUSED`, `SMTP 535`; no host, address or account. */
function withoutHostDetails(body: Record<string, unknown>, mail: { lastError: { error: string } | null }) {
  const error = mail.lastError!.error;
  // Node's error codes (ECONNREFUSED, ETIMEDOUT, nodemailer's EAUTH…) and an SMTP reply code
  // where nodemailer puts one (`Invalid login: 535 5.7.8 …`), never a port such as :587.
  const codes = [...new Set(error.match(/\bE[A-Z]{3,}\b/g) ?? [])];
  const reply = /(?:^|: )([45]\d\d)[ -]/.exec(error)?.[1];
  if (reply !== undefined) codes.push(`SMTP ${reply}`);
  const shown = `${codes.length > 0 ? codes.join(', ') : 'failed'} (details in the server's log)`;
  return { ...body, mail: { ...mail, lastError: { ...mail.lastError, error: shown } } };
}
