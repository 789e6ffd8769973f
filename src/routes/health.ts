// `/healthz` for a monitor: 200 `ok`; 200 `degraded` with the reasons (pages are served but
// something needs a look: the database cannot be written, the disk is nearly full, fetches fail or
// have not succeeded for days, the mail fails); 503 `error` when pages cannot be served (the
// database cannot be read). Monitors poll it, so the answer is computed at most every few seconds.
// The mail's last error names hosts: only a client on this machine sees it whole.
import { accessSync, constants, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Context as HonoContext, Hono } from 'hono';
import type { Context } from '../app/context.ts';
import { isMailConfigured } from '../mail/settings.ts';
import { countPapers } from '../store/read/papers.ts';
import { getFetchHealth, getLastFetchRun } from '../store/read/runs.ts';
import { listRoundParts } from '../store/read/round-parts.ts';
import { getLastSendStatus } from '../store/read/sends.ts';
import type { Site } from './site.ts';

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

export function registerHealth(app: Hono, site: Site, probes: HealthProbes = DEFAULT_PROBES): void {
  let cached: { at: number; health: Health } | undefined;
  app.get('/healthz', (c) => {
    const at = Date.now();
    if (cached === undefined || at - cached.at >= CACHE_MS) cached = { at, health: checkHealth(site, probes) };
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
    const reason = `the database cannot be read (${(error as Error).message.split('\n')[0]})`;
    return { code: 503, body: { status: 'error', reasons: [reason], database: 'error', nextRun } };
  }
  const writable = !context.db.readonly && canWriteDatabase(context, probes);
  const reasons = [
    ...(writable ? [] : ['the database is read-only: new announcements cannot be stored']),
    ...describeDisk(context, probes),
    ...describeFetches(facts.fetches, context.now()),
    ...describeFailedParts(facts.round),
    ...(facts.mail?.lastError ? [`the digest mail of ${facts.mail.lastError.day} failed`] : []),
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
  };
  return { code: 200, body };
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

/** A client on this machine, not through a proxy (which would say so in Forwarded or X-Forwarded-For). */
function isLocalClient(c: HonoContext): boolean {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const address = incoming?.socket?.remoteAddress ?? '';
  const loopback = /^(127\.|::1$|::ffff:127\.)/.test(address);
  return loopback && c.req.header('forwarded') === undefined && c.req.header('x-forwarded-for') === undefined;
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
