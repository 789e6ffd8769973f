// The digest of one announcement day as HTML: a table of contents with the sections' counts and a
// category filter, then the sections of the view in order (starred papers first), each grouped by
// category, every paper with its abstract one tap away. In-page links are fragments of this page.
import { formatLongDay } from '../calendar/days.ts';
import type { DigestFilter, DigestView, GroupView, PaperView, SectionView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { renderPage } from './html-layout.ts';
import { formatPapers, POSTS_HEADING } from './format.ts';
import { attr, renderPaper, renderPaperList, type PaperOptions } from './html-paper.ts';
import {
  renderArchive,
  renderForYou,
  renderNextUnread,
  renderOrder,
  renderSeenForm,
  renderWatches,
  watchedPapers,
} from './html-triage.ts';
import { renderPostsSection } from './html-posts.ts';
import { openList, renderRankedList, renderSeenLine } from './html-ranked.ts';

export interface DigestPageMeta {
  baseUrl: string;
  previous?: string | undefined;
  next?: string | undefined;
  /** Recent announcement days (newest first) for the archive list. */
  archive: readonly string[];
  /** Already-HTML notice, e.g. that the last fetch failed. */
  notice?: string;
  /** Writes are possible (not a read-only server): papers get their save, hide and star controls. */
  controls?: boolean;
  /** This day was opened before. */
  seen?: boolean;
  /** Stored days not opened yet, oldest first. */
  unread?: readonly string[];
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
  const unread = (meta.unread ?? []).filter((day) => day !== digest.date);
  const archive = renderArchive(base, meta.archive, new Set(unread));
  const compact = digest.order.view === 'titles';
  const options: SectionOptions = {
    site: base,
    compact,
    ...(meta.controls && { controls: base }),
    ...(digest.seen && { seenIds: digest.seen.ids }),
  };
  const seen = digest.seen ? renderSeenLine(digest, digest.seen, options.controls) : '';
  const body = `<h1>arXiv digest · ${escapeHtml(formatLongDay(digest.date))}</h1><nav class=m aria-label="Days">${nav}</nav>
${renderNextUnread(base, unread[0], unread.length)}${renderSummary(digest, page)}${renderOrder(digest, page, options.controls)}${renderFilter(digest.filter, page)}${renderContents(digest)}
${seen}${renderSections(digest, options)}${meta.controls ? renderSeenForm(base, digest.date, meta.seen ?? true) : ''}<h2 id=archive>Archive</h2><p class=m>${archive}</p>`;
  return renderPage({
    title: `arXiv digest ${digest.date}`,
    baseUrl: base,
    body,
    ...(meta.notice && { notice: meta.notice }),
    wide: true,
    ...(compact && { htmlClass: 't' }),
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
  const extra = [
    ...(digest.forYou.papers.length > 0 ? [`<li><a href=#foryou>For you</a> ${digest.forYou.papers.length}`] : []),
    ...(digest.watches.length > 0
      ? [`<li><a href=#watches>Watches</a> ${number.format(watchedPapers(digest.watches).length)}`]
      : []),
  ];
  const ranked = digest.ranked
    ? [
        `<li><a href=#ranked>Ranked</a> ${number.format(digest.ranked.papers.length)}: <a href=#cutoff>cut-off</a> after ${number.format(digest.ranked.cutoff)}`,
      ]
    : undefined;
  const [starred, ...rest] = digest.sections.filter(isShown).map((section) => {
    const groups = section.groups.map(
      (group) => `<a href=#${attr(group.id)}>${escapeHtml(group.category)}</a> ${number.format(group.papers.length)}`,
    );
    const inner = groups.length > 1 ? `: ${groups.join(' · ')}` : '';
    return `<li><a href=#${section.id}>${escapeHtml(section.heading)}</a> ${number.format(section.papers.length)}${inner}`;
  });
  // The blogs' posts, "For you" and the watches follow the starred papers (renderSections).
  const items = [
    ...(starred === undefined ? [] : [starred]),
    ...(digest.posts.length > 0
      ? [`<li><a href=#blogs>${POSTS_HEADING}</a> ${number.format(digest.posts.length)}`]
      : []),
    ...(ranked ? extra.filter((item) => !item.includes('#foryou')) : extra),
    ...(ranked ?? rest),
  ];
  return `<nav class=toc id=contents aria-label="Sections"><ol>${items.join('')}</ol></nav>`;
}

function isShown(section: SectionView): boolean {
  return section.papers.length > 0 || section.empty !== undefined;
}

type SectionOptions = Pick<PaperOptions, 'controls' | 'site' | 'seenIds' | 'compact'>;

/**
 * The starred section, the day's blog posts, "For you" and the watches, then the announce types;
 * or, ranked (`sort=score`), the starred section, the posts, the watches and the one ranked list.
 */
function renderSections(digest: DigestView, options: SectionOptions): string {
  const [starred, ...rest] = digest.sections.map((section) => renderSection(section, options));
  if (digest.ranked)
    return [
      starred ?? '',
      renderPostsSection(digest.posts),
      renderWatches(digest.watches),
      renderRankedList(digest.ranked, options),
    ].join('');
  return [
    starred ?? '',
    renderPostsSection(digest.posts),
    renderForYou(digest.forYou),
    renderWatches(digest.watches),
    ...rest,
  ].join('');
}

function renderSection(section: SectionView, options: SectionOptions): string {
  if (!isShown(section)) return '';
  const heading = `<h2>${escapeHtml(section.heading)} (${number.format(section.papers.length)})</h2>`;
  const shared = { ...options, abstractOpen: section.abstractsOpen, anchor: true };
  let list: string;
  if (section.papers.length === 0) list = `<p class=m>${escapeHtml(section.empty!)}</p>`;
  else if (section.groups.length === 0) list = renderList(section.papers, { ...shared, level: 3 }, section.id);
  else list = section.groups.map((group) => renderGroup(group, { ...shared, level: 4 })).join('');
  if (section.collapsed) return `<details id=${section.id} class=sec><summary>${heading}</summary>${list}</details>\n`;
  return `<section id=${section.id}>${heading}${list}</section>\n`;
}

/** The papers as a numbered list, each knowing the anchor after it (the list's end: `after`). */
function renderList(papers: readonly PaperView[], options: PaperOptions, after: string): string {
  const items = papers.map((paper, i) =>
    renderPaper(paper, { ...options, number: i + 1, then: papers[i + 1] ? `p-${papers[i + 1]!.id}` : after }),
  );
  return renderPaperList(items, (start) => openList(papers.length, start), options.controls !== undefined);
}

function renderGroup(group: GroupView, options: PaperOptions): string {
  const papers = renderList(group.papers, options, group.id);
  return `<h3 id=${attr(group.id)}>${escapeHtml(group.category)} (${number.format(group.papers.length)})</h3>${papers}\n`;
}
