// Email sends, one row per announcement day: the record that makes delivery once-per-day and
// keeps a failed day pending until a later run delivers it. The writes are in write/sends.ts.
import type { Db } from '../db.ts';

export type SendStatus = 'pending' | 'sent' | 'failed' | 'skipped';

export interface SendRecord {
  day: string;
  status: SendStatus;
  messageId: string;
  recipients: string[];
  /** SMTP tries over all runs, retries included. */
  attempts: number;
  error: string | null;
  firstAttemptAt: string;
  lastAttemptAt: string;
  /** Time of the last delivery; kept when a later --force resend fails. */
  sentAt: string | null;
}

interface SendRow extends Omit<SendRecord, 'recipients'> {
  recipients: string;
}

const SELECT_SEND = `SELECT day, status, message_id AS messageId, recipients, attempts, error,
  first_attempt_at AS firstAttemptAt, last_attempt_at AS lastAttemptAt, sent_at AS sentAt FROM sends`;

export function getSend(db: Db, day: string): SendRecord | undefined {
  const row = db.prepare<[string], SendRow>(`${SELECT_SEND} WHERE day = ?`).get(day);
  return row === undefined ? undefined : { ...row, recipients: JSON.parse(row.recipients) as string[] };
}

/** How many never-attempted days one run may mail: a new install must not mail a month of digests. */
export const MAX_UNATTEMPTED_DAYS = 7;

/**
 * Days to send, oldest first: every recorded day not delivered (pending or failed, however
 * old: no day is lost), plus stored days with papers after the last handled day that were never
 * attempted, at most the latest `maxUnattempted` of those (all stored days on a first run).
 */
export function getPendingSends(db: Db, maxUnattempted = MAX_UNATTEMPTED_DAYS): string[] {
  const recorded = db.prepare(`SELECT day FROM sends WHERE status IN ('pending', 'failed')`).pluck().all() as string[];
  const fresh = db
    .prepare(
      `
      SELECT day FROM days
      WHERE papers > 0 AND day NOT IN (SELECT day FROM sends)
        AND day > coalesce((SELECT max(day) FROM sends WHERE status IN ('sent', 'skipped')), '')
      ORDER BY day DESC LIMIT ?`,
    )
    .pluck()
    .all(maxUnattempted) as string[];
  return [...new Set([...recorded, ...fresh])].sort();
}

export interface LastSendStatus {
  lastSentDay?: string;
  lastSentAt?: string;
  /** Days whose send was attempted and not delivered yet, oldest first. */
  pending: string[];
  /** The most recent failure still on record (cleared when that day is delivered). */
  lastError?: { day: string; error: string; at: string };
}

/** For /healthz. */
export function getLastSendStatus(db: Db): LastSendStatus {
  const sent = db
    .prepare(`SELECT day, sent_at AS at FROM sends WHERE status = 'sent' ORDER BY day DESC LIMIT 1`)
    .get() as { day: string; at: string } | undefined;
  const pending = db
    .prepare(`SELECT day FROM sends WHERE status IN ('pending', 'failed') ORDER BY day`)
    .pluck()
    .all() as string[];
  const failed = db
    .prepare(
      `SELECT day, error, last_attempt_at AS at FROM sends WHERE error IS NOT NULL ORDER BY last_attempt_at DESC, day DESC LIMIT 1`,
    )
    .get() as { day: string; error: string; at: string } | undefined;
  return {
    ...(sent && { lastSentDay: sent.day, lastSentAt: sent.at }),
    pending,
    ...(failed && { lastError: failed }),
  };
}
