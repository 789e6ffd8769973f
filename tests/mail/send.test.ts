// Delivery against a real SMTP server on 127.0.0.1: parts, headers, once per day, --force,
// refused connections, 4xx/5xx replies, DIGEST_ONLY_STARRED.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendDigest, sendPendingDigests } from '../../src/mail/send.ts';
import { getLastSendStatus, getSend } from '../../src/store/read/sends.ts';
import { createWorld, HOSTILE_TITLE, paper, starredDay, type World } from './world.ts';
import { findClosedPort, startSmtp, type TestSmtp } from './smtp.ts';

const DAY = '2026-11-26';
const TO = 'Reader <reader@example.org>, second@example.org';
let world: World;
let smtp: TestSmtp;
let sleeps: number[];
const sleep = async (ms: number) => void sleeps.push(ms);

beforeEach(async () => {
  world = createWorld();
  smtp = await startSmtp();
  sleeps = [];
  world.addDay(DAY, starredDay());
});
afterEach(async () => {
  await smtp.close();
  world.cleanup();
});

const open = (extra: NodeJS.ProcessEnv = {}) =>
  world.open({ SMTP_URL: smtp.url, DIGEST_TO: TO, DIGEST_FROM: 'Curator <curator@example.org>', ...extra });

describe('sending the digest of a day', () => {
  it('delivers one multipart/alternative message with both parts carrying the starred papers', async () => {
    const outcome = await sendDigest(open(), DAY, { sleep });
    expect(outcome).toMatchObject({
      status: 'sent',
      recipients: ['reader@example.org', 'second@example.org'],
      tries: 1,
    });
    expect(smtp.received).toHaveLength(1);
    const [{ mail, raw, to, from, user }] = smtp.received as [(typeof smtp.received)[0]];
    expect(user).toBe('curator');
    expect(to).toEqual(['reader@example.org', 'second@example.org']);
    expect(from).toBe('curator@example.org');
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(raw).toMatch(/Content-Type: text\/plain/);
    expect(raw).toMatch(/Content-Type: text\/html/);
    expect(mail.subject).toBe('arXiv digest Thu, 26 Nov: 2 by starred authors (Yoshua Bengio, Quoc V. Le) · 4 new');
    expect(mail.messageId).toMatch(/^<digest-2026-11-26\.[0-9a-f]{10}@arxiv-curator>$/);
    expect(mail.messageId).toBe(outcome.status === 'sent' ? outcome.messageId : '');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    for (const title of ['Starred by Bengio', 'Starred by Le']) {
      expect(mail.text).toContain(title);
      expect(mail.html).toContain(title);
    }
    // The day's other papers (the hostile title among them) are left to the page.
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).not.toContain(HOSTILE_TITLE);
    expect(mail.text).toContain('5 papers today: Starred authors 2, New submissions 3.');
    expect(getSend(world.open().db, DAY)).toMatchObject({ status: 'sent', attempts: 1, error: null });
  });

  it('sends a day once; a second send delivers nothing; --force delivers again with the same Message-ID', async () => {
    const context = open();
    await sendDigest(context, DAY, { sleep });
    expect(await sendDigest(context, DAY, { sleep })).toMatchObject({ status: 'already-sent' });
    expect(await sendPendingDigests(context, { sleep })).toEqual([]);
    expect(smtp.received).toHaveLength(1);
    expect(await sendDigest(context, DAY, { sleep, force: true })).toMatchObject({ status: 'sent' });
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.mail.messageId).toBe(smtp.received[0]!.mail.messageId);
  });

  it('gives another recipient set another Message-ID', async () => {
    await sendDigest(open(), DAY, { sleep });
    await sendDigest(open({ DIGEST_TO: 'other@example.org' }), DAY, { sleep, force: true });
    expect(smtp.received[1]!.mail.messageId).not.toBe(smtp.received[0]!.mail.messageId);
  });

  it('skips a day without starred papers when DIGEST_ONLY_STARRED=1, and sends one with them', async () => {
    world.addDay('2026-11-27', [paper('2611.00100')]);
    const context = open({ DIGEST_ONLY_STARRED: '1' });
    expect(await sendDigest(context, '2026-11-27', { sleep })).toMatchObject({
      status: 'skipped',
      reason: 'no starred papers (DIGEST_ONLY_STARRED=1)',
    });
    expect(await sendDigest(context, DAY, { sleep })).toMatchObject({ status: 'sent' });
    expect(smtp.received.map((r) => r.mail.subject)).toEqual([expect.stringContaining('26 Nov')]);
    expect(getLastSendStatus(context.db).pending).toEqual([]);
  });
});

describe('SMTP failures', () => {
  it('leaves a day pending after a refused connection, with backoff, and a later run sends it', async () => {
    const closed = `smtp://127.0.0.1:${await findClosedPort()}`;
    const down = open({ SMTP_URL: closed });
    const outcome = await sendDigest(down, DAY, { sleep });
    expect(outcome).toMatchObject({ status: 'failed', permanent: false, tries: 3 });
    expect(outcome.status === 'failed' && outcome.error).toMatch(/ECONNREFUSED/);
    expect(sleeps).toEqual([5000, 10000]);
    const status = getLastSendStatus(down.db);
    expect(status).toMatchObject({
      pending: [DAY],
      lastError: { day: DAY, error: expect.stringMatching(/ECONNREFUSED/) },
    });
    expect(status.lastSentDay).toBeUndefined();
    expect(getSend(down.db, DAY)).toMatchObject({ status: 'failed', attempts: 3 });
    // The next scheduled run, with the server back.
    const outcomes = await sendPendingDigests(open(), { sleep });
    expect(outcomes).toMatchObject([{ status: 'sent', day: DAY }]);
    expect(smtp.received).toHaveLength(1);
    expect(getLastSendStatus(down.db)).toEqual({
      lastSentDay: DAY,
      lastSentAt: '2026-11-26T12:00:00.000Z',
      pending: [],
    });
    expect(getSend(down.db, DAY)).toMatchObject({ status: 'sent', attempts: 4, error: null });
  });

  it('records a 550 rejection without retrying it', async () => {
    smtp.reject = { at: 'rcpt', code: 550, message: 'No such user here' };
    const context = open();
    const outcome = await sendDigest(context, DAY, { sleep });
    expect(outcome).toMatchObject({ status: 'failed', permanent: true, tries: 1 });
    expect(sleeps).toEqual([]);
    expect(getLastSendStatus(context.db)).toMatchObject({
      pending: [DAY],
      lastError: { error: expect.stringMatching(/550/) },
    });
  });

  it('retries a 451 reply to DATA and delivers once the server accepts', async () => {
    smtp.reject = { at: 'data', code: 451, message: 'Try again later' };
    const context = open();
    const failed = await sendDigest(context, DAY, { sleep, tries: 2 });
    expect(failed).toMatchObject({ status: 'failed', permanent: false, tries: 2 });
    expect(failed.status === 'failed' && failed.error).toMatch(/451/);
    smtp.reject = undefined;
    expect(await sendPendingDigests(context, { sleep })).toMatchObject([{ status: 'sent', day: DAY }]);
    expect(getSend(context.db, DAY)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('keeps a delivered day sent when a --force resend fails', async () => {
    const context = open();
    await sendDigest(context, DAY, { sleep });
    smtp.reject = { at: 'rcpt', code: 550, message: 'Mailbox gone' };
    expect(await sendDigest(context, DAY, { sleep, force: true })).toMatchObject({ status: 'failed' });
    expect(getLastSendStatus(context.db)).toMatchObject({ lastSentDay: DAY, pending: [], lastError: { day: DAY } });
  });
});

describe('sending pending days', () => {
  it('does nothing without SMTP_URL or DIGEST_TO', async () => {
    expect(await sendPendingDigests(world.open({ DIGEST_TO: TO }), { sleep })).toEqual([]);
    expect(await sendPendingDigests(world.open({ SMTP_URL: smtp.url }), { sleep })).toEqual([]);
    expect(smtp.received).toEqual([]);
  });

  it('mails at most the latest days on a first run, then every new day, oldest first', async () => {
    for (let d = 1; d <= 9; d++) world.addDay(`2026-12-${String(d).padStart(2, '0')}`, [paper(`2612.0000${d}`)]);
    const context = open();
    const first = await sendPendingDigests(context, { sleep, maxDays: 3 });
    expect(first.map((o) => o.day)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
    world.addDay('2026-12-10', [paper('2612.00010')]);
    world.addDay('2026-12-11', [paper('2612.00011')]);
    expect((await sendPendingDigests(context, { sleep, maxDays: 3 })).map((o) => o.day)).toEqual([
      '2026-12-10',
      '2026-12-11',
    ]);
    expect(smtp.received.map((r) => r.mail.headers.get('x-arxiv-curator-day'))).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
    ]);
  });
});
