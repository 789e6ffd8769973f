// The digest as HTML for mail clients: tables and inline styles only, because Gmail and Outlook
// drop <style> blocks and external assets; no scripts, no images. Every piece of data is escaped,
// TeX accents decoded and math left as written (mail clients show no MathML). Starred papers come
// first in full; the day's other papers follow compactly while the part stays under Gmail's
// clipping size, then a link to the page for the rest.
import { formatLongDay } from '../calendar/days.ts';
import { texToPlain } from '../text/tex.ts';
import type { DigestView, PaperView, PostView, SectionView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import {
  describeElsewhere,
  describeMatch,
  describePostSource,
  formatFirstAuthors,
  formatPapers,
  formatSectionCounts,
  POSTS_HEADING,
} from './format.ts';

export interface EmailHtmlMeta {
  /** Site URL for a link back to the web page, without a trailing slash. */
  baseUrl?: string;
  /** The most bytes the part may have; default EMAIL_HTML_BUDGET. */
  budget?: number;
}

/**
 * Gmail clips a message whose HTML is over 102 KB ("[Message clipped] View entire message"),
 * hiding the rest behind a link; we stay under it with room for the headers of the part.
 */
export const EMAIL_HTML_BUDGET = 100_000;

// Styles as constants: written once here, repeated inline on each element by necessity.
const FONT = 'font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif';
const S = {
  body: 'margin:0;padding:0;background:#f3f3f3',
  card: `max-width:680px;background:#ffffff;${FONT};font-size:15px;line-height:1.45;color:#222222`,
  h1: 'margin:0 0 4px;font-size:22px;color:#b31b1b',
  h2: 'margin:24px 0 10px;font-size:17px;border-bottom:1px solid #dddddd;padding-bottom:4px',
  h3: 'margin:14px 0 4px;font-size:14px;color:#555555',
  meta: 'margin:0 0 6px;font-size:13px;color:#595959',
  starred: 'margin:0 0 16px;padding:10px 12px;border-left:4px solid #b31b1b;background:#fff8e6',
  post: 'margin:0 0 14px',
  who: 'font-size:13px;color:#7a4f00',
  title: 'color:#1a0dab;text-decoration:none;font-weight:bold',
  mark: 'background:#ffe58a;font-weight:bold',
  abstract: 'margin:6px 0 0;font-size:14px;color:#333333',
  // Compact rows repeat hundreds of times: no style of their own, the list's is inherited.
  list: 'margin:0;padding-left:20px;font-size:14px',
  small: 'font-size:12px;color:#595959',
  link: 'color:#1a0dab',
} as const;

function renderTitleLink(paper: PaperView): string {
  return `<a href="${escapeHtml(paper.links.abs)}" style="${S.title}">${escapeHtml(texToPlain(paper.title))}</a>`;
}

/** Author list with the starred names marked, TeX decoded. */
function renderMarkedAuthors(paper: PaperView): string {
  const marked = new Set(paper.starred.map((match) => match.as));
  return paper.authors
    .map((name) => {
      const shown = escapeHtml(texToPlain(name));
      return marked.has(name) ? `<span style="${S.mark}">★ ${shown}</span>` : shown;
    })
    .join(', ');
}

function renderStarredBlock(paper: PaperView): string {
  const elsewhere = paper.elsewhere === undefined ? '' : ` · ${escapeHtml(describeElsewhere(paper.elsewhere))}`;
  const starred = paper.starred.map((match) => `★ ${escapeHtml(describeMatch(match))}`).join('; ');
  const who = (starred === '' ? escapeHtml(paper.why ?? '') : starred) + elsewhere;
  const comment = paper.comment ? ` · ${escapeHtml(texToPlain(paper.comment))}` : '';
  return `<div style="${S.starred}"><div style="${S.who}">${who}</div>
<div>${renderTitleLink(paper)}</div>
<div>${renderMarkedAuthors(paper)}</div>
<div style="${S.small}">${escapeHtml(paper.categories.join(' · '))} · ${escapeHtml(paper.announceType)} · ${escapeHtml(paper.label)} · <a href="${escapeHtml(paper.links.pdf)}" style="${S.link}">pdf</a>${comment}</div>
<p style="${S.abstract}">${escapeHtml(texToPlain(paper.abstract))}</p></div>`;
}

/** A blog post in the mail: linked title, source and date, summary. */
function renderPostBlock(post: PostView): string {
  const title = escapeHtml(post.title);
  const linked =
    post.url === undefined ? `<b>${title}</b>` : `<a href="${escapeHtml(post.url)}" style="${S.title}">${title}</a>`;
  const summary = post.summary === '' ? '' : `<p style="${S.abstract}">${escapeHtml(post.summary)}</p>`;
  return `<div style="${S.post}"><div>${linked}</div><div style="${S.small}">${escapeHtml(describePostSource(post))}</div>${summary}</div>`;
}

function renderPosts(posts: readonly PostView[]): string {
  if (posts.length === 0) return '';
  const blocks = posts.map(renderPostBlock).join('\n');
  return `<h2 style="${S.h2}">${escapeHtml(POSTS_HEADING)} (${posts.length})</h2>\n${blocks}\n`;
}

function renderRow(paper: PaperView): string {
  return `<li><a href="${escapeHtml(paper.links.abs)}">${escapeHtml(texToPlain(paper.title))}</a> ${escapeHtml(formatFirstAuthors(paper.authors))}</li>`;
}

/** The other sections' rows in order while they fit in `room` bytes; how many did not. */
function renderOthers(sections: readonly SectionView[], room: number): { html: string; left: number } {
  const out: string[] = [];
  let used = 0;
  let left = 0;
  for (const section of sections) {
    for (const group of section.groups) {
      const heading = `<h2 style="${S.h2}">${escapeHtml(section.heading)} (${section.papers.length})</h2>`;
      const open = `${group === section.groups[0] ? heading : ''}<h3 style="${S.h3}">${escapeHtml(group.category)} (${group.papers.length})</h3><ul style="${S.list}">`;
      let rows = '';
      for (const paper of group.papers) {
        const row = renderRow(paper);
        const size = Buffer.byteLength(row) + (rows === '' ? Buffer.byteLength(open) + 6 : 0);
        if (left > 0 || used + size > room) left++;
        else {
          rows += `${row}\n`;
          used += size + 1;
        }
      }
      if (rows !== '') out.push(`${open}\n${rows}</ul>`);
    }
  }
  return { html: out.join('\n'), left };
}

/** The share of the budget "For you" may fill in full: above the cut-off it may hold hundreds. */
const FOR_YOU_SHARE = 0.4;

/** "For you" in full with its why while it fits its share, and the watches pinned into the mail (a row per paper). */
function renderTriage(digest: DigestView, budget: number): string {
  const { papers } = digest.forYou;
  const blocks: string[] = [];
  let used = 0;
  for (const paper of papers) {
    const block = renderStarredBlock(paper);
    used += Buffer.byteLength(block) + 1;
    if (used > FOR_YOU_SHARE * budget) break;
    blocks.push(block);
  }
  const more =
    blocks.length < papers.length
      ? `<p style="${S.meta}">…and ${papers.length - blocks.length} more for you on the web.</p>\n`
      : '';
  const forYou =
    papers.length === 0 ? '' : `<h2 style="${S.h2}">For you (${papers.length})</h2>\n${blocks.join('\n')}\n${more}`;
  const watches = digest.watches
    .filter((watch) => watch.mail && watch.papers.length > 0)
    .map(
      (watch) =>
        `<h2 style="${S.h2}">Watch: ${escapeHtml(watch.query)} (${watch.papers.length})</h2><ul style="${S.list}">\n${watch.papers.map(renderRow).join('\n')}\n</ul>\n`,
    );
  return forYou + watches.join('');
}

/** Starred papers in full under the view's first section, then the others compactly within the budget. */
export function renderDigestEmailHtml(digest: DigestView, meta: EmailHtmlMeta = {}): string {
  const day = escapeHtml(formatLongDay(digest.date));
  const [first, ...rest] = digest.sections;
  const starred = first?.papers ?? [];
  const starredHtml =
    starred.length > 0
      ? starred.map(renderStarredBlock).join('\n')
      : `<p style="${S.meta}">${escapeHtml(first?.empty ?? '')}</p>`;
  const page = meta.baseUrl ? escapeHtml(`${meta.baseUrl}/digest/${digest.date}`) : '';
  const web = page ? ` · <a href="${page}" style="${S.link}">on the web</a>` : '';
  const counts = `${formatPapers(digest.counts.total)}: ${escapeHtml(formatSectionCounts(digest.sections, ', '))}`;
  const head = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>arXiv digest ${day}</title></head>
<body style="${S.body}"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.body}"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.card}"><tr><td style="padding:20px 24px">
<h1 style="${S.h1}">arXiv digest</h1><p style="${S.meta}">${day}</p>
<p style="${S.meta}">${counts}</p>
<h2 style="${S.h2}">${escapeHtml(first?.heading ?? '')} (${starred.length})</h2>
${starredHtml}
${renderPosts(digest.posts)}
${renderTriage(digest, meta.budget ?? EMAIL_HTML_BUDGET)}`;
  const tail = (left: number) => {
    const more =
      left > 0
        ? `<p style="${S.meta}">…and ${left} more ${page ? `<a href="${page}" style="${S.link}">on the web</a>` : 'on the web'}.</p>\n`
        : '';
    return `${more}<p style="${S.small};margin-top:24px">Sent by arxiv-curator${web}</p>
</td></tr></table></td></tr></table></body></html>
`;
  };
  // The tail's size barely depends on the number it says: room for six digits is left for it.
  const room = (meta.budget ?? EMAIL_HTML_BUDGET) - Buffer.byteLength(head) - Buffer.byteLength(tail(999_999));
  const others = renderOthers(rest, room);
  return `${head}${others.html}\n${tail(others.left)}`;
}
