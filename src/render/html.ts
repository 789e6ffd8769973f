// The digest of one announcement day as HTML: the sections of the view in order (starred papers
// first), with counts per announce type and category.
import { formatLongDay } from '../calendar/days.ts';
import type { DigestCounts, DigestView, PaperView, SectionView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { formatCategoryCounts, formatTypeCounts } from './format.ts';
import { renderPage } from './html-layout.ts';
import { renderCompactPaper, renderStarredPaper, renderTitleLink } from './html-paper.ts';

export interface DigestPageMeta {
  baseUrl: string;
  previous?: string | undefined;
  next?: string | undefined;
  /** Recent announcement days (newest first) for the archive list. */
  archive: readonly string[];
  /** Already-HTML notice, e.g. that the last fetch failed. */
  notice?: string;
}

export function renderDigestHtml(digest: DigestView, meta: DigestPageMeta): string {
  const base = meta.baseUrl;
  const nav = [
    meta.previous ? `<a href="${base}/digest/${meta.previous}">← ${meta.previous}</a>` : '',
    meta.next ? `<a href="${base}/digest/${meta.next}">${meta.next} →</a>` : '',
    `<a href="${base}/digest/${digest.date}.txt">text</a>`,
    `<a href="${base}/digest/${digest.date}.json">json</a>`,
  ]
    .filter(Boolean)
    .join(' · ');
  const archive = meta.archive.map((day) => `<a href="${base}/digest/${day}">${day}</a>`).join(' · ');
  const body = `<h1>arXiv digest · ${escapeHtml(formatLongDay(digest.date))}</h1><nav class=m>${nav}</nav>
${renderDigestBody(digest, digest.linkBase)}<h2>Archive</h2><p class=m>${archive}</p>`;
  return renderPage({
    title: `arXiv digest ${digest.date}`,
    baseUrl: base,
    linkBase: digest.linkBase,
    body,
    ...(meta.notice && { notice: meta.notice }),
  });
}

/**
 * The digest without the page around it; the daily feed puts this in `content:encoded` with
 * `linkBase` '' (full URLs), the page with its `<base>`. The counts follow the first section.
 */
export function renderDigestBody(digest: DigestView, linkBase: string): string {
  const [first, ...rest] = digest.sections.map((section) => renderSection(section, linkBase));
  return `${first ?? ''}
${renderCounts(digest.counts)}${rest.join('')}`;
}

function renderCounts(counts: DigestCounts): string {
  const categories = escapeHtml(formatCategoryCounts(counts, ' · '));
  return `<p class=m>${counts.total} papers: ${formatTypeCounts(counts, ' · ')}<br>By primary category: ${categories}</p>\n`;
}

function renderSection(section: SectionView, base: string): string {
  if (section.papers.length === 0 && section.empty === undefined) return '';
  const heading = `${section.heading} (${section.papers.length})`;
  const list = section.papers.length === 0 ? `<p class=m>${escapeHtml(section.empty!)}</p>` : renderList(section, base);
  if (section.collapsed) return `<details id=${section.id}><summary><b>${heading}</b></summary>${list}</details>\n`;
  return `<h2 id=${section.id}>${heading}</h2>${list}${section.layout === 'full' ? '' : '\n'}`;
}

function renderList(section: SectionView, base: string): string {
  const { papers } = section;
  if (section.layout === 'full') return `<ol>${papers.map((paper) => renderStarredPaper(paper, base)).join('\n')}</ol>`;
  if (section.layout === 'titles')
    return `<div class=r>${papers.map((paper) => renderTitleLink(paper, base)).join('')}</div>`;
  return [...groupByPrimary(papers)]
    .map(([category, list]) => {
      const items = list.map((paper) => renderCompactPaper(paper, base)).join('');
      return `<h3>${escapeHtml(category)} (${list.length})</h3><ol>${items}</ol>`;
    })
    .join('\n');
}

function groupByPrimary(papers: readonly PaperView[]): Map<string, PaperView[]> {
  const groups = new Map<string, PaperView[]>();
  for (const paper of papers) {
    const primary = paper.categories[0] ?? '?';
    const list = groups.get(primary) ?? [];
    list.push(paper);
    groups.set(primary, list);
  }
  return groups;
}
