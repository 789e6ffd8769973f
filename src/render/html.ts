// The digest of one announcement day as HTML: a table of contents with the sections' counts and a
// category filter, then the sections of the view in order (starred papers first), each grouped by
// category, every paper with its abstract one tap away. In-page links are fragments of this page.
import { formatLongDay } from '../calendar/days.ts';
import type { DigestFilter, DigestView, GroupView, SectionView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { renderPage } from './html-layout.ts';
import { formatPapers, POSTS_HEADING } from './format.ts';
import { attr, renderPaper, type PaperOptions } from './html-paper.ts';
import type { MathCache } from './tex-html.ts';
import { renderPostsSection } from './html-posts.ts';

export interface DigestPageMeta {
  baseUrl: string;
  previous?: string | undefined;
  next?: string | undefined;
  /** Recent announcement days (newest first) for the archive list. */
  archive: readonly string[];
  /** Already-HTML notice, e.g. that the last fetch failed. */
  notice?: string;
}

const number = new Intl.NumberFormat('en-US');

export function renderDigestHtml(digest: DigestView, meta: DigestPageMeta): string {
  const base = meta.baseUrl;
  const page = `${base}/digest/${digest.date}`;
  const nav = [
    meta.previous ? `<a href="${base}/digest/${meta.previous}">← ${meta.previous}</a>` : '',
    meta.next ? `<a href="${base}/digest/${meta.next}">${meta.next} →</a>` : '',
    `<a href="${page}.txt">text</a>`,
    `<a href="${page}.json">json</a>`,
  ]
    .filter(Boolean)
    .join(' · ');
  const archive = meta.archive.map((day) => `<a href="${base}/digest/${day}">${day}</a>`).join(' · ');
  const body = `<h1>arXiv digest · ${escapeHtml(formatLongDay(digest.date))}</h1><nav class=m aria-label="Days">${nav}</nav>
${renderSummary(digest, page)}${renderFilter(digest.filter, page)}${renderContents(digest)}
${renderSections(digest)}<h2 id=archive>Archive</h2><p class=m>${archive}</p>`;
  return renderPage({
    title: `arXiv digest ${digest.date}`,
    baseUrl: base,
    body,
    ...(meta.notice && { notice: meta.notice }),
  });
}

function renderSummary(digest: DigestView, page: string): string {
  const { counts, filter } = digest;
  const starred = `${number.format(counts.starred)} by starred authors`;
  if (filter.only.length === 0) return `<p>${formatPapers(counts.total)}, ${starred}.</p>\n`;
  const shown = filter.only.map(escapeHtml).join(', ');
  return `<p>Showing ${shown}: ${number.format(counts.total)} of ${formatPapers(filter.dayTotal)}, ${starred}. <a href=${attr(page)}>Show all</a></p>\n`;
}

/** A plain GET form: without JavaScript it loads the filtered page the server renders. */
function renderFilter(filter: DigestFilter, page: string): string {
  const boxes = filter.choices.map((category) => {
    const checked = filter.only.includes(category) ? ' checked' : '';
    return `<label><input type=checkbox name=cat value=${attr(category)}${checked}> ${escapeHtml(category)}</label>`;
  });
  return `<form class=filter method=get action=${attr(page)}><fieldset><legend>Only these categories</legend>${boxes.join(' ')} <button>Show</button></fieldset></form>\n`;
}

function renderContents(digest: DigestView): string {
  const items = digest.sections.filter(isShown).map((section) => {
    const groups = section.groups.map(
      (group) => `<a href=#${attr(group.id)}>${escapeHtml(group.category)}</a> ${number.format(group.papers.length)}`,
    );
    const inner = groups.length > 1 ? `: ${groups.join(' · ')}` : '';
    return `<li><a href=#${section.id}>${escapeHtml(section.heading)}</a> ${number.format(section.papers.length)}${inner}`;
  });
  // The blogs' posts follow the starred papers (renderSections).
  if (digest.posts.length > 0)
    items.splice(1, 0, `<li><a href=#blogs>${POSTS_HEADING}</a> ${number.format(digest.posts.length)}`);
  return `<nav class=toc aria-label="Sections"><ol>${items.join('')}</ol></nav>`;
}

function isShown(section: SectionView): boolean {
  return section.papers.length > 0 || section.empty !== undefined;
}

/** The starred papers, the day's blog posts, then the other sections. */
function renderSections(digest: DigestView): string {
  const math: MathCache = new Map();
  const [first, ...rest] = digest.sections.map((section) => renderSection(section, math));
  return [first ?? '', renderPostsSection(digest.posts), ...rest].join('');
}

function renderSection(section: SectionView, math: MathCache): string {
  if (!isShown(section)) return '';
  const heading = `<h2>${escapeHtml(section.heading)} (${number.format(section.papers.length)})</h2>`;
  const abstractOpen = section.abstractsOpen;
  let list: string;
  if (section.papers.length === 0) list = `<p class=m>${escapeHtml(section.empty!)}</p>`;
  else if (section.groups.length === 0)
    list = `<ol>${section.papers.map((paper) => renderPaper(paper, { level: 3, abstractOpen, math })).join('\n')}</ol>`;
  else list = section.groups.map((group) => renderGroup(group, { level: 4, abstractOpen, math })).join('');
  if (section.collapsed) return `<details id=${section.id} class=sec><summary>${heading}</summary>${list}</details>\n`;
  return `<section id=${section.id}>${heading}${list}</section>\n`;
}

function renderGroup(group: GroupView, options: PaperOptions): string {
  const papers = group.papers.map((paper) => renderPaper(paper, options)).join('\n');
  return `<h3 id=${attr(group.id)}>${escapeHtml(group.category)} (${number.format(group.papers.length)})</h3><ol>${papers}</ol>\n`;
}
