// When the background work runs: a node-cron trigger at 00:30 US Eastern, Monday to Friday
// (the feeds rebuild at midnight ET, fetcher/FORMATS.md §5), and a runner that never runs two jobs at
// once and retries a failed or stale run with doubling waits until the next scheduled run.
// Clock, sleep and trigger are injected, so tests drive all of it without real time passing.
import cron from 'node-cron';
import { createRetry, type Backoff, type RetryView } from '../app/backoff.ts';
import type { Logger } from '../app/log.ts';
import { ARXIV_TIME_ZONE } from '../calendar/eastern.ts';
import { sleepFor, type Sleep } from '../sleep.ts';
import { firstLineOf } from '../text/first-line.ts';

export const DAILY_CRON = '30 0 * * 1-5';
/** node-cron evaluates the expression in this zone, DST included. */
const DAILY_OPTIONS = { timezone: ARXIV_TIME_ZONE, name: 'daily-fetch' } as const;
/** Waits before the retries of a failed run: 5, 10, 20, 40 minutes, then every hour. */
export const RETRY_BACKOFF: Backoff = { firstMs: 5 * 60_000, capMs: 60 * 60_000 };

/**
 * node-cron's matcher of a task: what its timer fires by, and what its `getNextRun()` answers (a
 * day-first walk: a day's month, date and weekday, then its hours and minutes). `getNextRun()` asks it
 * from the wall clock; we ask it from the injected clock's now, so the schedule has no second reading.
 */
interface CronMatcher {
  getNextMatch(from: Date): Date;
}

let dailyMatcher: CronMatcher | undefined;

function readDailyMatcher(): CronMatcher {
  // A task made only to read its matcher: never started, and destroyed so node-cron's registry lets it go.
  const task = cron.createTask(DAILY_CRON, () => {}, DAILY_OPTIONS);
  const matcher = (task as unknown as { timeMatcher?: Partial<CronMatcher> }).timeMatcher;
  void task.destroy();
  if (typeof matcher?.getNextMatch !== 'function')
    throw new Error('node-cron no longer keeps its matcher as timeMatcher.getNextMatch: the next run cannot be read');
  return matcher as CronMatcher;
}

/** The daily schedule's first run strictly after `now` (to the second), as node-cron computes it. */
export function nextRunAfter(now: Date): Date {
  dailyMatcher ??= readDailyMatcher();
  return dailyMatcher.getNextMatch(now);
}

/** Calls `fire` on a schedule until stopped. */
export type Trigger = (fire: () => void) => { stop(): void };

/** The real trigger: node-cron's timer on the same expression and zone as `nextRunAfter`. */
export const cronTrigger: Trigger = (fire) => {
  const task = cron.schedule(DAILY_CRON, () => fire(), DAILY_OPTIONS);
  return { stop: () => void task.stop() };
};

export type RunOutcome = { ok: true } | { ok: false; reason: string };

export interface RunnerOptions {
  run: (signal: AbortSignal) => Promise<RunOutcome>;
  log: Logger;
  now?: () => Date;
  sleep?: Sleep;
  retryBackoff?: Backoff;
}

export interface JobRunner {
  /** Starts a run, or, while one is going, asks for one more after it (never two at once). */
  fire(): void;
  /** Settles when no run is going or pending. */
  idle(): Promise<void>;
  state(): { running: boolean; retryAt?: Date; problem?: string };
  /** While a failed run waits to be tried again (and until one succeeds): for /healthz. */
  retry(): RetryView | undefined;
  /** Aborts the run in progress with `reason` (a fetch it cuts short is recorded with it). */
  stop(reason?: Error): Promise<void>;
}

export function createJobRunner(options: RunnerOptions): JobRunner {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? sleepFor;
  const retry = createRetry(options.retryBackoff ?? RETRY_BACKOFF, now);
  const controller = new AbortController();
  let current: Promise<void> | undefined;
  let pending = false;
  let retryAt: Date | undefined;
  let problem: string | undefined;

  async function runWithRetries(): Promise<void> {
    for (let attempt = 0; !controller.signal.aborted; attempt++) {
      const started = Date.now();
      options.log.info('scheduler.run', { attempt: attempt + 1 });
      const outcome = await options
        .run(controller.signal)
        .catch((error: unknown): RunOutcome => ({ ok: false, reason: describe(error) }));
      if (controller.signal.aborted) return;
      problem = outcome.ok ? undefined : outcome.reason;
      options.log.info('scheduler.done', { ok: outcome.ok, reason: problem, ms: Date.now() - started });
      if (outcome.ok) return void retry.succeed();
      const wait = retry.fail(outcome.reason);
      const at = new Date(now().getTime() + wait);
      // The scheduled run takes over from here, its backoff anew: retrying past it would only overlap it.
      if (at.getTime() >= nextRunAfter(now()).getTime()) return void retry.succeed();
      retryAt = at;
      options.log.warn('scheduler.retry', { at: at.toISOString(), wait_ms: wait, reason: problem });
      try {
        await sleep(wait, controller.signal);
      } catch {
        return;
      } finally {
        retryAt = undefined;
      }
    }
  }

  function fire(): void {
    if (controller.signal.aborted) return;
    if (current) {
      pending = true;
      options.log.info('scheduler.wait', { reason: 'a run is in progress; one more follows it' });
      return;
    }
    current = (async () => {
      do {
        pending = false;
        await runWithRetries();
      } while (pending && !controller.signal.aborted);
    })().finally(() => (current = undefined));
  }

  return {
    fire,
    idle: async () => {
      while (current) await current;
    },
    state: () => ({
      running: current !== undefined && retryAt === undefined,
      ...(retryAt && { retryAt }),
      ...(problem && { problem }),
    }),
    retry: () => (retryAt === undefined ? undefined : retry.view()),
    stop: async (reason = new Error('stopping')) => {
      controller.abort(reason);
      await current;
    },
  };
}

function describe(error: unknown): string {
  return firstLineOf(error);
}
