// /start, "Start here": the advice's reading list, each entry with why it is on the list, its links,
// its abstract one tap away and a read/unread mark (a POST form), then the archive of blog posts.
import type { ReadingEntryView, StartView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { renderPage } from './html-layout.ts';
import { attr } from './html-paper.ts';
import { renderPostList } from './html-posts.ts';
import { renderTexHtml } from './tex-html.ts';

function renderLink(baseUrl: string, link: { label: string; url: string }): string {
  // Paths on this site (an author's page) are made absolute like every other link of the page.
  const url = link.url.startsWith('/') ? `${baseUrl}${link.url}` : link.url;
  return `<a href=${attr(url)}>${escapeHtml(link.label)}</a>`;
}

function renderMark(baseUrl: string, entry: ReadingEntryView, canMark: boolean): string {
  const state = entry.readAt === undefined ? 'Unread' : `Read (${escapeHtml(entry.readAt.slice(0, 10))})`;
  if (!canMark) return `<span class=m>${state}</span>`;
  const next = entry.readAt === undefined ? '1' : '0';
  const label = entry.readAt === undefined ? 'Mark read' : 'Mark unread';
  return `<form class=mark method=post action=${attr(`${baseUrl}/start/${entry.id}/read`)}><span class=m>${state}</span> <input type=hidden name=read value=${next}><button>${label}</button></form>`;
}

function renderEntry(baseUrl: string, entry: ReadingEntryView, canMark: boolean): string {
  const year = entry.year === undefined ? '' : ` (${entry.year})`;
  const links = entry.links.map((link) => renderLink(baseUrl, link)).join(' · ');
  const abstract =
    entry.abstract === undefined
      ? ''
      : `<details class=ab><summary>Abstract</summary><p>${renderTexHtml(entry.abstract)}</p></details>`;
  const read = entry.readAt === undefined ? '' : ' class=done';
  return `<li id=${attr(entry.id)}${read}><h3>${escapeHtml(entry.title)}${year}</h3><div class=au>${escapeHtml(entry.authors.join(', '))}</div>
<p>${escapeHtml(entry.why)}</p><div class=m>${links}</div>${abstract}${renderMark(baseUrl, entry, canMark)}`;
}

export function renderStartHtml(baseUrl: string, view: StartView): string {
  const read = view.entries.filter((entry) => entry.readAt !== undefined).length;
  const list = view.entries.map((entry) => renderEntry(baseUrl, entry, view.canMark)).join('\n');
  const archive =
    view.archive.length === 0
      ? '<p class=m>No blog post stored yet: they arrive with the daily fetch (config/feeds.json).</p>'
      : renderPostList(view.archive);
  const body = `<h1>Start here</h1><p>The papers the advice says to read first: ${read} of ${view.entries.length} read.</p>
<h2 id=reading>The reading list</h2><ol class=reading>${list}</ol>
<h2 id=blogs>The blogs’ posts (${view.archive.length})</h2><p class=m>Every post stored from config/feeds.json, newest first; also as a feed: <a href="${baseUrl}/blogs.xml">blogs.xml</a>.</p>${archive}`;
  return renderPage({ title: 'Start here · arxiv-curator', baseUrl, body });
}
