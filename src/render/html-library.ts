// The library's pages: saved papers (/saved), a paper's similar papers (/papers/<id>/similar),
// and the keyword watches with the form to add one (/watches).
import type { AnnouncedPaperView, PaperView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { renderPage } from './html-layout.ts';
import { attr, renderPaper, renderPaperList } from './html-paper.ts';

export interface LibraryPageMeta {
  baseUrl: string;
  /** The papers get their controls (not a read-only server). */
  controls: boolean;
}

function renderList(papers: readonly PaperView[], meta: LibraryPageMeta, empty: string): string {
  if (papers.length === 0) return `<p>${escapeHtml(empty)}</p>`;
  const options = {
    level: 2,
    abstractOpen: false,
    anchor: true,
    ...(meta.controls && { controls: meta.baseUrl }),
  };
  const items = papers.map((paper) => renderPaper(paper, options));
  return renderPaperList(items, (start) => (start > 1 ? `<ol start=${start}>` : '<ol>'), meta.controls);
}

export function renderSavedHtml(papers: readonly AnnouncedPaperView[], meta: LibraryPageMeta): string {
  const base = meta.baseUrl;
  const links = `<p class=m><a href="${base}/saved.xml">RSS</a> · <a href="${base}/saved.bib">BibTeX</a> · <a href="${base}/saved.json">JSON</a></p>`;
  return renderPage({
    title: 'Saved papers · arxiv-curator',
    baseUrl: base,
    body: `<h1>Saved papers (${papers.length})</h1>${links}${renderList(papers, meta, 'No saved paper yet: press Save under a paper.')}`,
  });
}

export function renderSimilarHtml(
  paper: PaperView,
  similar: readonly PaperView[] | undefined,
  meta: LibraryPageMeta,
): string {
  const list =
    similar === undefined
      ? '<p>Similar papers come from the ranking: star an author or save a paper first.</p>'
      : renderList(similar, meta, 'No paper of the last week is like this one.');
  return renderPage({
    title: `Like ${paper.label} · arxiv-curator`,
    baseUrl: meta.baseUrl,
    body: `<h1>Papers like this one</h1><ol>${renderPaper(paper, { level: 2, abstractOpen: true })}</ol><h2>Similar papers of the last week</h2>${list}`,
  });
}

export interface WatchRow {
  slug: string;
  query: string;
  mail: boolean;
  /** Matches in the last week. */
  matches: number;
  /** Why a query kept from before a rule no longer reads (it matches nothing). */
  problem?: string;
}

export function renderWatchesHtml(watches: readonly WatchRow[], meta: LibraryPageMeta, error?: string): string {
  const base = meta.baseUrl;
  const rows = watches.map((watch) => {
    const remove = meta.controls
      ? ` <form class=inline method=post action=${attr(`${base}/watches/${watch.slug}/remove`)}><button>Remove</button></form>`
      : '';
    const problem = watch.problem ? ` <span class=warn>matches nothing: ${escapeHtml(watch.problem)}</span>` : '';
    return `<li id=${attr(`watch-${watch.slug}`)}><b>${escapeHtml(watch.query)}</b> <span class=m>${watch.matches} in the last week${watch.mail ? ', in the mail' : ''} · <a href=${attr(`${base}/watches/${watch.slug}.xml`)}>RSS</a></span>${problem}${remove}`;
  });
  const list = rows.length > 0 ? `<ul id=watches>${rows.join('\n')}</ul>` : '<p id=watches>No watch yet.</p>';
  const form = meta.controls
    ? `<form method=post action="${base}/watches"><label for=wq>Watch for</label> <input id=wq name=q maxlength=200 required placeholder='"diffusion policy" -survey cat:cs.RO'> <button>Add</button></form>
<p class=m>A watch is a saved search: it lists the papers of each day that searching it would find. Words (in any form: <code>robot</code> finds robots and robotic) and "phrases" must all occur in the title, abstract or authors; <code>-word</code> and <code>-"a phrase"</code> leave papers out, <code>word*</code> is a prefix of 3 letters or more, <code>author:name</code> and <code>title:word</code> look in one place, <code>cat:stat.ML</code> narrows to categories and <code>-cat:cs.CV</code> leaves one out. At most 100 watches.</p>`
    : '';
  return renderPage({
    title: 'Watches · arxiv-curator',
    baseUrl: base,
    body: `<h1>Keyword watches</h1>${error ? `<p class="n warn">${escapeHtml(error)}</p>` : ''}${form}${list}`,
  });
}
