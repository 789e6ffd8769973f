// One announcement day as an email: subject, plain-text and HTML parts, a Message-ID and headers.
// Pure: the same digest and recipients always give the same message (retries, --force).
import { createHash } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import type { DigestView } from '../views/types.ts';
import { buildMailSections } from '../render/email-sections.ts';
import { renderMailHtml } from '../render/email.ts';
import { renderMailText } from '../render/email-text.ts';
import { stripControlCharacters } from '../text/control.ts';
import { fitMail } from './fit.ts';

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  /** With angle brackets, as in the header. */
  messageId: string;
  headers: Record<string, string>;
}

export interface ComposeOptions {
  /** Bare addresses, as parseRecipients returns them. */
  recipients: readonly string[];
  /** Site URL for the link back to the day's web page, without a trailing slash (config siteUrl). */
  baseUrl: string;
  /** PUBLIC_URL is set (else the mail says in one line how to set it). */
  publicUrl?: boolean;
}

/** Names beyond this many become "+N more", so the subject stays readable in a mail list. */
const SUBJECT_NAMES = 3;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function composeDigestMail(digest: DigestView, options: ComposeOptions): ComposedMail {
  const meta = { baseUrl: options.baseUrl, publicUrl: options.publicUrl ?? false };
  const sections = fitMail(digest, buildMailSections(digest), meta);
  // No control character reaches a mail reader, whatever the stored text holds (text/control.ts).
  return {
    subject: stripControlCharacters(formatSubject(digest)),
    text: renderMailText(digest, sections, meta),
    html: stripControlCharacters(renderMailHtml(digest, sections, meta)),
    messageId: createDigestMessageId(digest.date, options.recipients),
    headers: {
      // RFC 3834 §5: machine-sent, so auto-responders (vacation replies) stay quiet.
      'Auto-Submitted': 'auto-generated',
      'X-Arxiv-Curator-Day': digest.date,
    },
  };
}

/**
 * `arXiv digest Thu, 26 Nov: 2 by starred authors (Yoshua Bengio, Quoc V. Le) · 143 new`.
 * N counts papers with at least one starred author, whatever their announce type; M counts
 * papers announced as `new` (starred ones included), as arXiv's own mailing counts submissions.
 */
export function formatSubject(digest: DigestView): string {
  const { starred } = digest.counts;
  const fresh = digest.counts.byType.find((entry) => entry.type === 'new')?.count ?? 0;
  const names = listStarredNames(digest);
  const shown = names.slice(0, SUBJECT_NAMES).join(', ');
  const more = names.length > SUBJECT_NAMES ? ` +${names.length - SUBJECT_NAMES} more` : '';
  const who = names.length > 0 ? ` (${shown}${more})` : '';
  return `arXiv digest ${formatShortDay(digest.date)}: ${starred} by starred authors${who} · ${fresh} new`;
}

/** Distinct canonical names of the starred authors, in digest order. */
export function listStarredNames(digest: DigestView): string[] {
  return [...new Set(digest.papers.flatMap((paper) => paper.starred.map((match) => match.name)))];
}

/** `Thu, 26 Nov`: the day-month form of RFC 5322 dates, two-digit day. */
export function formatShortDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `${WEEKDAYS[date.getUTCDay()]}, ${dd} ${MONTHS[date.getUTCMonth()]}`;
}

/**
 * `<digest-2026-11-26.1a2b3c4d5e@arxiv-curator>`: the same for a day and recipient set across
 * retries and resends, so clients and list servers see one message (RFC 5322 §3.6.4), and
 * different for another recipient set, which is another message.
 */
export function createDigestMessageId(day: string, recipients: readonly string[]): string {
  const key = [...new Set(recipients.map((address) => address.toLowerCase()))].sort().join(',');
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 10);
  return `<digest-${day}.${hash}@arxiv-curator>`;
}

/** Bare addresses of an address list such as `Ada <ada@example.org>, bob@example.org`. */
export function parseRecipients(list: string): string[] {
  return addressparser(list, { flatten: true })
    .map((mailbox) => mailbox.address.trim())
    .filter((address) => address.includes('@'));
}
