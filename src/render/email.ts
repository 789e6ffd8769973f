// The digest as HTML for mail clients: tables and inline styles only, because Gmail and Outlook
// drop <style> blocks and external assets; no scripts, no images. Every piece of data is escaped.
import { formatLongDay } from '../calendar/days.ts';
import type { DigestView, PaperView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { describeMatch, formatTypeCounts } from './format.ts';

export interface EmailHtmlMeta {
  /** Site URL for a link back to the web page, without a trailing slash. */
  baseUrl?: string;
}

// Styles as constants: written once here, repeated inline on each element by necessity.
const FONT = 'font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif';
const S = {
  body: 'margin:0;padding:0;background:#f3f3f3',
  card: `max-width:680px;background:#ffffff;${FONT};font-size:15px;line-height:1.45;color:#222222`,
  h1: 'margin:0 0 4px;font-size:22px;color:#b31b1b',
  h2: 'margin:24px 0 10px;font-size:17px;border-bottom:1px solid #dddddd;padding-bottom:4px',
  meta: 'margin:0 0 6px;font-size:13px;color:#666666',
  starred: 'margin:0 0 16px;padding:10px 12px;border-left:4px solid #b31b1b;background:#fff8e6',
  who: 'font-size:13px;color:#8a5a00',
  title: 'color:#1a0dab;text-decoration:none;font-weight:bold',
  mark: 'background:#ffe58a;font-weight:bold',
  abstract: 'margin:6px 0 0;font-size:14px;color:#333333',
  // The compact rows repeat up to 500 times a day: short styles keep the message small.
  section: 'font-size:14px',
  paper: 'margin:0 0 10px',
  compactTitle: 'color:#1a0dab',
  compactMeta: 'color:#777',
  small: 'font-size:12px;color:#777777',
  link: 'color:#1a0dab',
} as const;

function renderTitleLink(paper: PaperView, style: string = S.title): string {
  return `<a href="${escapeHtml(paper.links.abs)}" style="${style}">${escapeHtml(paper.title)}</a>`;
}

/** Author list with the starred names marked, as written on the paper. */
function renderMarkedAuthors(paper: PaperView): string {
  const marked = new Set(paper.starred.map((match) => match.as));
  return paper.authors
    .map((name) => (marked.has(name) ? `<span style="${S.mark}">★ ${escapeHtml(name)}</span>` : escapeHtml(name)))
    .join(', ');
}

function renderStarredBlock(paper: PaperView): string {
  const who = paper.starred.map((match) => `★ ${escapeHtml(describeMatch(match))}`).join('; ');
  const comment = paper.comment ? ` · ${escapeHtml(paper.comment)}` : '';
  return `<div style="${S.starred}"><div style="${S.who}">${who}</div>
<div>${renderTitleLink(paper)}</div>
<div>${renderMarkedAuthors(paper)}</div>
<div style="${S.small}">${escapeHtml(paper.categories.join(' · '))} · ${escapeHtml(paper.announceType)} · ${escapeHtml(paper.label)} · <a href="${escapeHtml(paper.links.pdf)}" style="${S.link}">pdf</a>${comment}</div>
<p style="${S.abstract}">${escapeHtml(paper.abstract)}</p></div>`;
}

function renderCompactPaper(paper: PaperView): string {
  return `<p style="${S.paper}">${renderTitleLink(paper, S.compactTitle)}<br>${escapeHtml(paper.authors.join(', '))}<br><small style="${S.compactMeta}">${escapeHtml(paper.categories.join(' · '))} · ${escapeHtml(paper.label)}</small></p>`;
}

function renderCounts(digest: DigestView): string {
  return `<p style="${S.meta}">${digest.counts.total} papers: ${escapeHtml(formatTypeCounts(digest.counts, ', '))}</p>`;
}

function renderSections(digest: DigestView): string {
  const out: string[] = [];
  for (const section of digest.sections.slice(1)) {
    if (section.papers.length === 0) continue;
    const heading = `<h2 style="${S.h2}">${escapeHtml(section.heading)} (${section.papers.length})</h2>`;
    out.push(heading, `<div style="${S.section}">`, ...section.papers.map(renderCompactPaper), '</div>');
  }
  return out.join('\n');
}

/** Starred papers in full under the view's first section, the other sections compactly. */
export function renderDigestEmailHtml(digest: DigestView, meta: EmailHtmlMeta = {}): string {
  const day = escapeHtml(formatLongDay(digest.date));
  const first = digest.sections[0];
  const starred = first?.papers ?? [];
  const starredHtml =
    starred.length > 0
      ? starred.map(renderStarredBlock).join('\n')
      : `<p style="${S.meta}">${escapeHtml(first?.empty ?? '')}</p>`;
  const web = meta.baseUrl
    ? ` · <a href="${escapeHtml(`${meta.baseUrl}/digest/${digest.date}`)}" style="${S.link}">on the web</a>`
    : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>arXiv digest ${day}</title></head>
<body style="${S.body}"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.body}"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.card}"><tr><td style="padding:20px 24px">
<h1 style="${S.h1}">arXiv digest</h1><p style="${S.meta}">${day}</p>
${renderCounts(digest)}
<h2 style="${S.h2}">${escapeHtml(first?.heading ?? '')} (${starred.length})</h2>
${starredHtml}
${renderSections(digest)}
<p style="${S.small};margin-top:24px">Sent by arxiv-curator${web}</p>
</td></tr></table></td></tr></table></body></html>
`;
}
