// The digest of one announcement day as HTML: starred papers first, then new submissions,
// cross-lists and (collapsed) replacements, with counts per announce type and category.
import type { AnnounceType, Digest, DigestPaper } from '../types.ts';
import { ANNOUNCE_TYPES } from '../types.ts';
import { formatLongDay } from '../dates.ts';
import { escapeHtml } from './escape.ts';
import { renderPage } from './html-layout.ts';
import { PAGE_LINKS, renderCompactPaper, renderStarredPaper, renderTitleLink, type LinkStyle } from './html-paper.ts';

export interface DigestPageMeta {
  baseUrl: string;
  previous?: string;
  next?: string;
  /** Recent announcement days (newest first) for the archive list. */
  archive: readonly string[];
  /** Already-HTML notice, e.g. that the last fetch failed. */
  notice?: string;
}

const TYPE_LABELS: Record<AnnounceType, string> = {
  new: 'New submissions',
  cross: 'Cross-lists',
  replace: 'Replacements',
  'replace-cross': 'Cross-list replacements',
};

export function countByType(papers: readonly DigestPaper[]): Record<AnnounceType, number> {
  const counts: Record<AnnounceType, number> = { new: 0, cross: 0, replace: 0, 'replace-cross': 0 };
  for (const paper of papers) counts[paper.announceType]++;
  return counts;
}

/** Papers per primary category, most first. */
export function countByCategory(papers: readonly DigestPaper[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const paper of papers) {
    const primary = paper.categories[0] ?? '?';
    counts.set(primary, (counts.get(primary) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function renderDigestHtml(digest: Digest, meta: DigestPageMeta): string {
  const base = meta.baseUrl;
  const nav = [
    meta.previous ? `<a href="${base}/digest/${meta.previous}">← ${meta.previous}</a>` : '',
    meta.next ? `<a href="${base}/digest/${meta.next}">${meta.next} →</a>` : '',
    `<a href="${base}/digest/${digest.date}.txt">text</a>`,
    `<a href="${base}/digest/${digest.date}.json">json</a>`,
  ].filter(Boolean).join(' · ');
  const archive = meta.archive.map((day) => `<a href="${base}/digest/${day}">${day}</a>`).join(' · ');
  const body = `<h1>arXiv digest · ${escapeHtml(formatLongDay(digest.date))}</h1><nav class=m>${nav}</nav>
${renderDigestBody(digest, PAGE_LINKS)}<h2>Archive</h2><p class=m>${archive}</p>`;
  return renderPage({ title: `arXiv digest ${digest.date}`, baseUrl: base, body, ...(meta.notice && { notice: meta.notice }) });
}

/** The digest without the page around it; the daily feed puts this in `content:encoded`. */
export function renderDigestBody(digest: Digest, links: LinkStyle): string {
  const starred = digest.papers.filter((paper) => paper.starred.length > 0);
  const rest = digest.papers.filter((paper) => paper.starred.length === 0);
  const starredHtml = starred.length > 0
    ? `<ol>${starred.map((paper) => renderStarredPaper(paper, links)).join('\n')}</ol>`
    : '<p class=m>No paper by a starred author on this day.</p>';
  const sections = ANNOUNCE_TYPES.map((type) => renderSection(type, rest.filter((paper) => paper.announceType === type), links));
  return `<h2 id=starred>Starred authors (${starred.length})</h2>${starredHtml}
${renderCounts(digest.papers)}${sections.join('')}`;
}

function renderCounts(papers: readonly DigestPaper[]): string {
  const byType = countByType(papers);
  const types = ANNOUNCE_TYPES.map((type) => `${type} ${byType[type]}`).join(' · ');
  const categories = countByCategory(papers).map(([category, n]) => `${escapeHtml(category)} ${n}`).join(' · ');
  return `<p class=m>${papers.length} papers: ${types}<br>By primary category: ${categories}</p>\n`;
}

// New submissions are grouped by primary category (few groups), so no line repeats it.
function renderSection(type: AnnounceType, papers: readonly DigestPaper[], links: LinkStyle): string {
  if (papers.length === 0) return '';
  const heading = `${TYPE_LABELS[type]} (${papers.length})`;
  if (type === 'new') {
    const groups = new Map<string, DigestPaper[]>();
    for (const paper of papers) {
      const primary = paper.categories[0] ?? '?';
      const list = groups.get(primary) ?? [];
      list.push(paper);
      groups.set(primary, list);
    }
    const lists = [...groups].map(([category, list]) => `<h3>${escapeHtml(category)} (${list.length})</h3><ol>${list.map((paper) => renderCompactPaper(paper, links)).join('')}</ol>`);
    return `<h2 id=new>${heading}</h2>${lists.join('\n')}\n`;
  }
  // Cross-lists come from other fields and replacements were seen before: titles suffice there.
  const list = `<div class=r>${papers.map((paper) => renderTitleLink(paper, links)).join('')}</div>`;
  if (type === 'cross') return `<h2 id=cross>${heading}</h2>${list}\n`;
  return `<details id=${type}><summary><b>${heading}</b></summary>${list}</details>\n`;
}
