// The mail's HTML part: the sections of email-sections.ts with inline styles only (Gmail and
// Outlook drop <style> blocks and external assets), no script, no image, every piece of data
// escaped and TeX read as Unicode (mail clients show no MathML). Papers link to arXiv (abs, pdf),
// which opens on any device; only save/hide and the whole day link to this site. Few attributes:
// each `=` costs three bytes once the part is quoted-printable, and Gmail clips at 102 KB as sent.
import { formatLongDay } from '../calendar/days.ts';
import { texToUnicode } from '../text/tex-math.ts';
import type { DigestView, PaperView, PostView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import {
  countLeft,
  describeDay,
  describeMissingPublicUrl,
  foldAuthors,
  paperOnSite,
  type MailEntry,
  type MailSection,
} from './email-sections.ts';
import { describeElsewhere, describeMatch, describePostSource, formatFirstAuthors } from './format.ts';

export interface MailMeta {
  /** The site's address without a trailing slash (PUBLIC_URL, else the listening address). */
  baseUrl: string;
  /** PUBLIC_URL is set: links to the site open away from this machine. */
  publicUrl: boolean;
}

const S = {
  body: 'max-width:680px;margin:0 auto;padding:8px;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.45;color:#222',
  h2: 'margin:24px 0 8px;font-size:17px;border-bottom:1px solid #ddd',
  who: 'font-size:13px;color:#7a4f00',
  small: 'font-size:13px;color:#595959',
  abstract: 'margin:4px 0 18px;font-size:14px',
} as const;

const text = (value: string): string => escapeHtml(texToUnicode(value));
const link = (href: string, label: string): string => `<a href="${escapeHtml(href)}">${label}</a>`;

function renderAuthors(paper: PaperView): string {
  const starred = new Set(paper.starred.map((match) => match.as));
  const name = (written: string) => (starred.has(written) ? `<b>★ ${text(written)}</b>` : text(written));
  const { shown, more, starredAmong } = foldAuthors(paper);
  const among = starredAmong.length > 0 ? `, including ${starredAmong.map(name).join(', ')}` : '';
  return shown.map(name).join(', ') + (more > 0 ? ` and ${more} more${among}` : '');
}

/** Who matched (starred papers), else the ranking's why ("For you"). */
function renderWho(paper: PaperView): string {
  const elsewhere = paper.elsewhere === undefined ? '' : ` · ${escapeHtml(describeElsewhere(paper.elsewhere))}`;
  const who =
    paper.starred.length > 0
      ? paper.starred.map((match) => `★ ${escapeHtml(describeMatch(match))}`).join('; ')
      : escapeHtml(paper.why ?? '');
  return who + elsewhere === '' ? '' : `<div style="${S.who}">${who}${elsewhere}</div>`;
}

function renderFullPaper(paper: PaperView, day: string, meta: MailMeta): string {
  const site = link(paperOnSite(meta.baseUrl, day, paper.id), 'save or hide');
  const comment = paper.comment ? `<br>${text(paper.comment)}` : '';
  return `${renderWho(paper)}${link(paper.links.abs, `<b>${text(paper.title)}</b>`)}
<div>${renderAuthors(paper)}</div>
<div style="${S.small}">${escapeHtml(paper.categories.join(' · '))} · ${escapeHtml(paper.label)} · ${link(paper.links.pdf, 'pdf')} · ${site}${comment}</div>
<p style="${S.abstract}">${text(paper.abstract)}</p>
`;
}

function renderRow(paper: PaperView): string {
  return `<li>${link(paper.links.abs, text(paper.title))} · ${escapeHtml(formatFirstAuthors(paper.authors))} · ${link(paper.links.pdf, 'pdf')}</li>\n`;
}

function renderPost(post: PostView, full: boolean): string {
  const title = `<b>${escapeHtml(post.title)}</b>`;
  const summary = full && post.summary !== '' ? `<br>${escapeHtml(post.summary)}` : '';
  return `<p>${post.url === undefined ? title : link(post.url, title)} <span style="${S.small}">${escapeHtml(describePostSource(post))}</span>${summary}</p>\n`;
}

/** One entry at a level ('' when left to the page); compose.ts measures entries one by one. */
export function renderMailHtmlEntry(entry: MailEntry, level: MailEntry['level'], day: string, meta: MailMeta): string {
  if (level === 'left') return '';
  if (entry.kind === 'post') return renderPost(entry.post, level === 'full');
  return level === 'full' ? renderFullPaper(entry.paper, day, meta) : renderRow(entry.paper);
}

function renderSection(section: MailSection, day: string, meta: MailMeta): string {
  let out = `<h2 style="${S.h2}">${text(section.heading)}</h2>\n`;
  if (section.note !== undefined) out += `<p style="${S.small}">${escapeHtml(section.note)}</p>\n`;
  let list = false;
  for (const entry of section.entries) {
    const row = entry.level === 'row' && entry.kind === 'paper';
    if (row !== list) out += row ? '<ul>\n' : '</ul>\n';
    list = row;
    out += renderMailHtmlEntry(entry, entry.level, day, meta);
  }
  if (list) out += '</ul>\n';
  const left = countLeft(section);
  const page = `${meta.baseUrl}/digest/${day}`;
  return left > 0 ? `${out}<p style="${S.small}">…and ${left} more ${link(page, 'on the site')}.</p>\n` : out;
}

/** The whole HTML part for sections whose levels are decided. */
export function renderMailHtml(digest: DigestView, sections: readonly MailSection[], meta: MailMeta): string {
  const day = escapeHtml(formatLongDay(digest.date));
  const page = `${meta.baseUrl}/digest/${digest.date}`;
  const hint = meta.publicUrl
    ? ''
    : `<p style="${S.small}">${escapeHtml(describeMissingPublicUrl(meta.baseUrl))}</p>\n`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>arXiv digest ${day}</title></head>
<body><div style="${S.body}">
<h1 style="margin:0;font-size:22px;color:#b31b1b">arXiv digest</h1><div style="${S.small}">${day}</div>
${sections.map((section) => renderSection(section, digest.date, meta)).join('')}<p style="${S.small};margin-top:24px">${escapeHtml(describeDay(digest))} ${link(page, 'The whole day on the site')}.</p>
${hint}</div></body></html>
`;
}
