// Recording email sends: written before the first SMTP try and after the last (read/sends.ts reads them).
import type { Db } from '../db.ts';

export interface SendStart {
  day: string;
  messageId: string;
  recipients: readonly string[];
  now: string;
}

/**
 * Written before the first SMTP try, so a crash mid-send leaves the day pending rather than
 * unrecorded. A day already delivered keeps status `sent` during a --force resend.
 */
export function startSend(db: Db, start: SendStart): void {
  db.prepare(
    `
    INSERT INTO sends (day, status, message_id, recipients, first_attempt_at, last_attempt_at)
    VALUES (@day, 'pending', @messageId, @recipients, @now, @now)
    ON CONFLICT (day) DO UPDATE SET
      status = CASE WHEN sends.sent_at IS NULL THEN 'pending' ELSE sends.status END,
      message_id = excluded.message_id, recipients = excluded.recipients, last_attempt_at = excluded.last_attempt_at`,
  ).run({ ...start, recipients: JSON.stringify(start.recipients) });
}

export type SendEnd =
  { ok: true; tries: number; now: string } | { ok: false; tries: number; error: string; now: string };

export function finishSend(db: Db, day: string, end: SendEnd): void {
  if (end.ok) {
    db.prepare(
      `UPDATE sends SET status = 'sent', attempts = attempts + ?, error = NULL, last_attempt_at = ?, sent_at = ? WHERE day = ?`,
    ).run(end.tries, end.now, end.now, day);
    return;
  }
  db.prepare(
    `
    UPDATE sends SET status = CASE WHEN sent_at IS NULL THEN 'failed' ELSE 'sent' END,
      attempts = attempts + ?, error = ?, last_attempt_at = ? WHERE day = ?`,
  ).run(end.tries, end.error, end.now, day);
}

/** DIGEST_ONLY_STARRED days without a starred paper: handled, so never pending. */
export function skipSend(db: Db, start: SendStart): void {
  db.prepare(
    `
    INSERT INTO sends (day, status, message_id, recipients, first_attempt_at, last_attempt_at)
    VALUES (@day, 'skipped', @messageId, @recipients, @now, @now)
    ON CONFLICT (day) DO UPDATE SET status = 'skipped', error = NULL, last_attempt_at = excluded.last_attempt_at
    WHERE sends.sent_at IS NULL`,
  ).run({ ...start, recipients: JSON.stringify(start.recipients) });
}
