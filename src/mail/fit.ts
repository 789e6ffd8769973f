// How much of the day the mail can hold. Gmail clips an HTML part over 102 KB as sent ("[Message
// clipped]"), so sizes are measured as transferred: nodemailer sends a text part with non-ASCII
// characters quoted-printable, which its own encoder (nodemailer/lib/qp) measures here, byte for
// byte. Entries go in the sections' order (starred, For you, watches, blogs): each at its fullest
// level that fits, else as a row, else left to the page ("…and N more on the site"). Within a
// section a level only goes down, so a section never shows a row before a full entry.
import { encode, wrap } from 'nodemailer/lib/qp';
import type { DigestView } from '../views/types.ts';
import type { MailEntry, MailLevel, MailSection } from '../render/email-sections.ts';
import { renderMailHtml, renderMailHtmlEntry, type MailMeta } from '../render/email.ts';
import { renderMailText, renderMailTextEntry } from '../render/email-text.ts';

/** The HTML part as sent, its MIME headers included: under Gmail's 102 KB clip. */
export const MAIL_HTML_BUDGET = 100_000;
/** The whole message as sent, headers and both parts. */
export const MAIL_MESSAGE_BUDGET = 150_000;
// What the budgets leave for the message's and the parts' headers and MIME boundaries.
const PART_HEADERS = 200;
const MESSAGE_HEADERS = 2_000;

/** Bytes of a part's body as nodemailer sends it (quoted-printable, lines of 76). */
export function measureTransferred(body: string): number {
  return wrap(encode(body), 76).length;
}

const ORDER: readonly MailLevel[] = ['full', 'row', 'left'];

function withLevels(sections: readonly MailSection[], level: (entry: MailEntry) => MailLevel): MailSection[] {
  return sections.map((section) => ({
    ...section,
    entries: section.entries.map((entry) => ({ ...entry, level: level(entry) })),
  }));
}

function chooseLevels(digest: DigestView, sections: readonly MailSection[], meta: MailMeta, slack: number) {
  const empty = withLevels(sections, () => 'left');
  const htmlBudget = MAIL_HTML_BUDGET - PART_HEADERS - slack;
  const totalBudget = MAIL_MESSAGE_BUDGET - MESSAGE_HEADERS - 2 * PART_HEADERS - slack;
  let html = measureTransferred(renderMailHtml(digest, empty, meta));
  let total = html + measureTransferred(renderMailText(digest, empty, meta));
  const chosen = new Map<MailEntry, MailLevel>();
  for (const section of sections) {
    let floor = 0;
    for (const entry of section.entries) {
      for (let i = Math.max(floor, ORDER.indexOf(entry.level)); i < ORDER.length; i++) {
        const level = ORDER[i]!;
        const h = measureTransferred(renderMailHtmlEntry(entry, level, digest.date, meta));
        const t = measureTransferred(renderMailTextEntry(entry, level, digest.date, meta));
        if (level !== 'left' && (html + h > htmlBudget || total + h + t > totalBudget)) continue;
        chosen.set(entry, level);
        html += h;
        total += h + t;
        floor = i;
        break;
      }
    }
  }
  return withLevels(sections, (entry) => chosen.get(entry) ?? 'left');
}

/**
 * The sections with each entry's level chosen so both parts stay within the budgets. Entries are
 * measured one at a time; the whole is measured again, and chosen anew with less room should the
 * lists' tags and the counts' digits have pushed it over.
 */
export function fitMail(digest: DigestView, sections: readonly MailSection[], meta: MailMeta): MailSection[] {
  let slack = 0;
  for (;;) {
    const fitted = chooseLevels(digest, sections, meta, slack);
    const html = measureTransferred(renderMailHtml(digest, fitted, meta)) + PART_HEADERS;
    const total = html + measureTransferred(renderMailText(digest, fitted, meta)) + PART_HEADERS + MESSAGE_HEADERS;
    const over = Math.max(html - MAIL_HTML_BUDGET, total - MAIL_MESSAGE_BUDGET);
    if (over <= 0 || slack > MAIL_HTML_BUDGET) return fitted;
    slack += over + 1_000;
  }
}
