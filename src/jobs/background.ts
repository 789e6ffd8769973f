// What `serve` runs besides the web app: the catch-up at start-up, the same run every weekday
// at 00:30 New York time, retries after failures, and a status line for the page.
import type { Backoff, RetryView } from '../app/backoff.ts';
import type { Context } from '../app/context.ts';
import { loadHolidays } from '../calendar/announcement-days.ts';
import { formatEasternTime } from '../calendar/eastern.ts';
import { HttpError, type HttpClient } from '../fetcher/http.ts';
import { sleepFor, type Sleep } from '../sleep.ts';
import { sendPendingDigests, type PendingOptions } from '../mail/send.ts';
import { isMailConfigured } from '../mail/settings.ts';
import type { StatusView } from '../views/types.ts';
import { createWebClient } from '../app/web-client.ts';
import { runCatchUp, type CatchUpProgress, type CatchUpResult } from './catch-up.ts';
import { runRoundParts } from './round.ts';
import { createJobRunner, cronTrigger, nextRunAfter, type RunOutcome, type Trigger } from './scheduler.ts';

export interface BackgroundOptions {
  holidays?: ReadonlySet<string>;
  /** Default: node-cron at 00:30 America/New_York, Monday to Friday. */
  trigger?: Trigger;
  sleep?: Sleep;
  retryBackoff?: Backoff;
  initialDays?: number;
  /** Options for the digest mail sent after each run (SMTP_URL and DIGEST_TO set). */
  mail?: PendingOptions;
  /** The client for blogs and Hugging Face; default: one of its own (closed by stop()). */
  web?: HttpClient;
  /** Told when the status may have changed (a run starts or ends, progress), e.g. to pass it on at once. */
  onChange?: () => void;
}

export interface BackgroundJobs {
  status(): StatusView;
  /** What waits to be tried again: `round`, the failed run (its feed or its mail); `mail`, a try of the SMTP server. */
  retries(): Record<string, RetryView>;
  /** Settles when no run is going or waiting to retry (for tests and the CLI). */
  idle(): Promise<void>;
  /** Aborts the run in progress (its open transaction, if any, has already committed or rolled back). */
  stop(reason?: Error): Promise<void>;
}

export function startBackgroundJobs(
  context: Context,
  http: HttpClient,
  options: BackgroundOptions = {},
): BackgroundJobs {
  const holidays = options.holidays ?? loadHolidays(context.config.holidaysPath);
  let progress: CatchUpProgress | undefined;
  let mailRetry: RetryView | undefined;
  const web = options.web ?? createWebClient(context.config, { log: context.log });
  // Our own web client is closed once, whatever number of times stop() is called.
  let closeWeb = options.web === undefined ? () => web.close() : async () => {};
  const clients = { arxiv: http, web };
  // The round: arXiv's feed, the starred authors' uploads, the reading list and the blogs, the mail,
  // then the popularity counts (the mail never waits on them). A part other than the feed never fails
  // the run: it is recorded, shown on /healthz, and tried again at the next round; retries of a run
  // skip the parts that already ran today.
  const changed = () => options.onChange?.();
  const runner = createJobRunner({
    log: context.log,
    now: context.now,
    ...(options.sleep && { sleep: options.sleep }),
    ...(options.retryBackoff && { retryBackoff: options.retryBackoff }),
    run: async (signal): Promise<RunOutcome> => {
      changed();
      const feed = await runFeed(context, http, {
        holidays,
        signal,
        ...(options.initialDays && { initialDays: options.initialDays }),
        onProgress: (p) => {
          progress = p;
          changed();
        },
      }).finally(() => {
        progress = undefined;
        changed();
      });
      if (signal.aborted) return feed;
      const round = { holidays, signal, skipDone: true };
      await runRoundParts(context, clients, { ...round, parts: ['authors', 'reading-list', 'blogs'] });
      const onRetry = ({ attempt, error, waitMs }: { attempt: number; error: string; waitMs: number }) => {
        const at = context.now();
        const retryAt = new Date(at.getTime() + waitMs).toISOString();
        mailRetry = { failures: attempt, error, failedAt: at.toISOString(), retryAt };
        changed();
      };
      const mailed =
        feed.ok && !signal.aborted
          ? await mailPendingDigests(context, signal, { onRetry, ...options.mail }).finally(
              () => (mailRetry = undefined),
            )
          : feed;
      if (!signal.aborted) await runRoundParts(context, clients, { ...round, parts: ['popularity'] });
      changed();
      return mailed;
    },
  });
  const schedule = (options.trigger ?? cronTrigger)(() => runner.fire());
  runner.fire();
  return {
    status: () => describeStatus(runner.state(), progress, context.now()),
    retries: () => {
      const round = runner.retry();
      return { ...(round && { round }), ...(mailRetry && { mail: mailRetry }) };
    },
    idle: () => runner.idle(),
    stop: async (reason) => {
      schedule.stop();
      await runner.stop(reason);
      const close = closeWeb;
      closeWeb = async () => {};
      await close();
    },
  };
}

/** arXiv's feed and the missing days; a stale feed or a day the API lacks fails the run (it is retried). */
async function runFeed(
  context: Context,
  http: HttpClient,
  options: Parameters<typeof runCatchUp>[2],
): Promise<RunOutcome> {
  let result: CatchUpResult;
  try {
    result = await runCatchUp(context, http, options);
  } catch (error) {
    return { ok: false, reason: describeFailure(error) };
  }
  if (result.stale)
    return {
      ok: false,
      reason: `arXiv has not published the feed of ${result.stale.expected} yet; it still shows ${result.stale.shown}`,
    };
  if (result.emptyDays.length > 0)
    return { ok: false, reason: `the arXiv API has no papers yet for ${result.emptyDays.join(', ')}` };
  return { ok: true };
}

function describeStatus(
  state: { running: boolean; retryAt?: Date; problem?: string },
  progress: CatchUpProgress | undefined,
  now: Date,
): StatusView {
  const next = nextRunAfter(now);
  const nextRunAt = (state.retryAt && state.retryAt < next ? state.retryAt : next).toISOString();
  if (state.running && progress && progress.total > 0) return { nextRunAt, activity: describeProgress(progress) };
  if (state.running) return { nextRunAt, activity: 'Checking arXiv for new announcements…' };
  if (state.problem && state.retryAt)
    return { nextRunAt, activity: `${state.problem}. Trying again at ${formatEasternTime(state.retryAt)}.` };
  if (state.problem)
    return {
      nextRunAt,
      activity: `${state.problem}. Trying again at the next scheduled run, ${formatEasternTime(next)}.`,
    };
  return { nextRunAt };
}

/** "Fetching the last 7 announcement days: 3/7". */
export function describeProgress(progress: CatchUpProgress): string {
  const { done, total } = progress;
  if (progress.initial) return `Fetching the last ${total} announcement days: ${done}/${total}`;
  return total === 1
    ? `Fetching the latest announcement day: ${done}/1`
    : `Catching up ${total} missing announcement days: ${done}/${total}`;
}

/** Plain words for the page: no network is the common case on a first start. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof HttpError && (error.kind === 'network' || error.kind === 'timeout'))
    return `arXiv cannot be reached (${message})`;
  if (error instanceof HttpError && error.kind === 'status') return `arXiv answered with an error (${message})`;
  return `Fetching from arXiv failed (${message})`;
}

/**
 * After the fetches, mail every stored day not yet sent. A temporary SMTP failure fails the run,
 * so the runner retries with backoff; the fetches it repeats are no-ops for stored days.
 */
async function mailPendingDigests(
  context: Context,
  signal: AbortSignal,
  options: PendingOptions = {},
): Promise<RunOutcome> {
  if (!isMailConfigured(context.config) || signal.aborted) return { ok: true };
  // SIGTERM ends the waits between tries at once; the day stays pending for the next start.
  const outcomes = await sendPendingDigests(context, { sleep: (ms) => sleepFor(ms, signal), ...options });
  const failed = outcomes.find((outcome) => outcome.status === 'failed' && !outcome.permanent);
  return failed?.status === 'failed'
    ? { ok: false, reason: `Sending the digest of ${failed.day} failed (${failed.error})` }
    : { ok: true };
}
