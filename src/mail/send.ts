// Delivery of the daily digest over SMTP (nodemailer): once per day, recorded in the database,
// retried with backoff; a day that fails stays pending and a later run sends it. Every outcome is
// logged here, once.
import { sleepFor } from '../sleep.ts';
import { createTransport, type SendMailOptions } from 'nodemailer';
import type { Context } from '../app/context.ts';
import { loadHolidays } from '../calendar/announcement-days.ts';
import { siteUrl } from '../config.ts';
import { backoffCeilingMs } from '../fetcher/pacing.ts';
import { getPendingSends, getSend, MAX_UNATTEMPTED_DAYS } from '../store/read/sends.ts';
import { finishSend, skipSend, startSend } from '../store/write/sends.ts';
import { writeSoon } from '../app/write.ts';
import { loadDayDigest } from '../views/day.ts';
import { composeDigestMail, createDigestMessageId, type ComposedMail } from './compose.ts';
import { isMailConfigured, readMailSettings, type MailSettings } from './settings.ts';
import { firstLineOf } from '../text/first-line.ts';

/** What we need of a nodemailer transporter; tests may pass one bound to a local server. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close?(): void;
}

export interface SendOptions {
  /** Send even if the day was delivered already (same Message-ID). */
  force?: boolean;
  transport?: MailTransport;
  /** Waits between tries; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** SMTP tries per day in one run, the first included. */
  tries?: number;
  /** arXiv holiday evenings; default config/holidays.json. */
  holidays?: ReadonlySet<string>;
  /** Told before each wait for another try (serve shows it in /healthz). */
  onRetry?: (retry: { attempt: number; error: string; waitMs: number }) => void;
}

export type SendOutcome =
  | { status: 'sent'; day: string; messageId: string; recipients: string[]; tries: number }
  | { status: 'already-sent'; day: string; messageId: string; sentAt: string }
  | { status: 'skipped'; day: string; why: 'no-papers' | 'no-starred'; reason: string }
  | { status: 'failed'; day: string; error: string; permanent: boolean; tries: number };

const DEFAULT_TRIES = 3;
/** Backoff: 5 s, 10 s, 20 s … between tries, at most a minute (then the daily run's own retry takes over). */
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 60_000;

/** Timeouts well under nodemailer's defaults (2 min connect, 10 min idle), so a dead server fails a run fast. */
export function createMailTransport(smtpUrl: string): MailTransport {
  return createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
}

export async function sendDigest(context: Context, day: string, options: SendOptions = {}): Promise<SendOutcome> {
  const settings = readMailSettings(context.config);
  const previous = getSend(context.db, day);
  if (previous?.sentAt && !options.force) {
    return { status: 'already-sent', day, messageId: previous.messageId, sentAt: previous.sentAt };
  }
  const digest = loadDayDigest(context, options.holidays ?? loadHolidays(context.config.holidaysPath), day).view;
  if (digest.papers.length === 0)
    return { status: 'skipped', day, why: 'no-papers', reason: 'no papers stored for this day' };
  const start = {
    day,
    messageId: createDigestMessageId(day, settings.recipients),
    recipients: settings.recipients,
    now: context.now().toISOString(),
  };
  if (context.config.digestOnlyStarred && digest.counts.starred === 0) {
    await writeSoon(context, () => skipSend(context.db, start));
    return { status: 'skipped', day, why: 'no-starred', reason: 'no starred papers (DIGEST_ONLY_STARRED=1)' };
  }
  const mail = composeDigestMail(digest, {
    recipients: settings.recipients,
    baseUrl: siteUrl(context.config),
    publicUrl: context.config.publicUrl !== undefined,
  });
  await writeSoon(context, () => startSend(context.db, start));
  const transport = options.transport ?? createMailTransport(settings.smtpUrl);
  try {
    const result = await deliverWithRetries(context, transport, toMessage(settings, mail, context.now()), options);
    await writeSoon(context, () => finishSend(context.db, day, { ...result, now: context.now().toISOString() }));
    if (!result.ok) {
      context.log.error('mail.failed', { day, error: result.error, tries: result.tries, permanent: result.permanent });
      return { status: 'failed', day, error: result.error, permanent: result.permanent, tries: result.tries };
    }
    context.log.info('mail.sent', {
      day,
      to: settings.recipients.join(','),
      messageId: mail.messageId,
      tries: result.tries,
    });
    return { status: 'sent', day, messageId: mail.messageId, recipients: settings.recipients, tries: result.tries };
  } finally {
    if (options.transport === undefined) transport.close?.();
  }
}

function toMessage(settings: MailSettings, mail: ComposedMail, date: Date): SendMailOptions {
  return {
    from: settings.from,
    to: settings.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: mail.headers,
    date,
  };
}

type Delivery = { ok: true; tries: number } | { ok: false; tries: number; error: string; permanent: boolean };

/** A 5xx reply (RFC 5321 §4.2.1, except 503) would come back the same: no retry then. */
async function deliverWithRetries(
  context: Context,
  transport: MailTransport,
  message: SendMailOptions,
  options: SendOptions,
): Promise<Delivery> {
  const tries = options.tries ?? DEFAULT_TRIES;
  const sleep = options.sleep ?? sleepFor;
  for (let attempt = 1; ; attempt++) {
    try {
      await transport.sendMail(message);
      return { ok: true, tries: attempt };
    } catch (error) {
      const failure = describeSmtpError(error);
      if (failure.permanent || attempt >= tries) return { ok: false, tries: attempt, ...failure };
      const wait = backoffCeilingMs(attempt, BASE_DELAY_MS, MAX_DELAY_MS);
      context.log.warn('mail.retry', { error: failure.error, attempt, waitMs: wait });
      options.onRetry?.({ attempt, error: failure.error, waitMs: wait });
      await sleep(wait);
    }
  }
}

/** One line naming the cause: the SMTP reply when there is one, else the socket error. */
export function describeSmtpError(error: unknown): { error: string; permanent: boolean } {
  if (!(error instanceof Error)) return { error: String(error), permanent: false };
  const { responseCode, permanent, code } = error as Error & {
    responseCode?: number;
    permanent?: boolean;
    code?: string;
  };
  const firstLine = firstLineOf(error);
  const isPermanent = permanent ?? (responseCode !== undefined && responseCode >= 500 && responseCode !== 503);
  return { error: code && !firstLine.includes(code) ? `${code}: ${firstLine}` : firstLine, permanent: isPermanent };
}

export interface PendingOptions extends Omit<SendOptions, 'force'> {
  /** How many never-attempted days one run may mail (a new install must not mail a month). */
  maxDays?: number;
}

/**
 * Sends every pending day, oldest first; called after each scheduled fetch of a new day.
 * Does nothing without SMTP_URL and DIGEST_TO. Stops at a transient failure (the server is
 * down: the remaining days stay pending for the next run) but goes on after a permanent one,
 * so one rejected message does not hold back the days after it.
 */
export async function sendPendingDigests(context: Context, options: PendingOptions = {}): Promise<SendOutcome[]> {
  if (!isMailConfigured(context.config)) return [];
  const days = getPendingSends(context.db, options.maxDays ?? MAX_UNATTEMPTED_DAYS);
  if (days.length === 0) return [];
  const transport = options.transport ?? createMailTransport(readMailSettings(context.config).smtpUrl);
  const outcomes: SendOutcome[] = [];
  try {
    for (const day of days) {
      const outcome = await sendDigest(context, day, { ...options, transport });
      outcomes.push(outcome);
      if (outcome.status === 'failed' && !outcome.permanent) break;
    }
  } finally {
    if (options.transport === undefined) transport.close?.();
  }
  return outcomes;
}
