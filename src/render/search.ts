// The search page: the form (a GET, so every search is a bookmark), then the results with
// where they matched, a paper opened by its id, or why nothing was searched.
import type {
  FoundPaperView,
  MarkedText,
  SearchFormView,
  SearchHitView,
  SearchResultsView,
  SearchView,
  StarredMatch,
} from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { describeMatch, POSTS_HEADING } from './format.ts';
import { renderPage } from './html-layout.ts';
import { attr, renderAuthors } from './html-paper.ts';
import { renderPostList } from './html-posts.ts';
import { renderMath, renderTexHtml } from './tex-html.ts';
import { splitTex } from '../text/tex.ts';

const HELP =
  '<p class=m>Words (any form: “transformer” finds “Transformers”, not “transform”), “a phrase” in quotes, ' +
  '<code>optim*</code> (3 letters or more), <code>-word</code> or <code>-"a phrase"</code> to leave out, ' +
  '<code>author:hinton</code> or <code>author:"Gábor Melis"</code>, <code>title:word</code>, a category ' +
  '(<code>cs.CV</code>, <code>-cat:cs.CL</code>), or an arXiv id (<code>2611.10004</code>, ' +
  '<code>arXiv:1409.3215</code>, <code>cs/0112017</code>) to open that paper. Keyword watches take the same words.</p>';

export function renderSearchHtml(baseUrl: string, view: SearchView): string {
  const { outcome } = view;
  const link = attr;
  let body: string;
  if (outcome.kind === 'form') body = HELP;
  else if (outcome.kind === 'error') body = `<p class="n warn" role=alert>${escapeHtml(outcome.message)}</p>${HELP}`;
  else if (outcome.kind === 'missing')
    body = `<p>${escapeHtml(outcome.label)} is not stored here. <a href=${link(outcome.link)}>Open it on arXiv</a>.</p>`;
  else if (outcome.kind === 'paper') body = renderFoundPaper(baseUrl, outcome.paper, link);
  else body = renderResults(baseUrl, outcome, link);
  const q = view.form.q.trim();
  const posts =
    view.posts.length === 0 ? '' : `<h2>${POSTS_HEADING} (${view.posts.length})</h2>${renderPostList(view.posts)}`;
  return renderPage({
    title: q ? `${q} · search · arxiv-curator` : 'Search · arxiv-curator',
    baseUrl,
    body: `<h1>Search</h1>${renderForm(baseUrl, view.form)}${body}${posts}`,
  });
}

function renderForm(baseUrl: string, form: SearchFormView): string {
  // Relevance is what the default means whenever there are words to rank by.
  const byDate = form.sort === 'date';
  return `<form action="${baseUrl}/search" method=get role=search><input type=search name=q value=${attr(form.q)} maxlength=200 aria-label="Search"> <button>Search</button>
<p class=m><label>Category <input name=category value=${attr(form.category)} size=9 placeholder=cs.CV></label>
<label>From <input type=date name=from value=${attr(form.from)}></label> <label>to <input type=date name=to value=${attr(form.to)}></label>
<label><input type=checkbox name=starred value=1${form.starred ? ' checked' : ''}> Starred only</label>
<label>Sort <select name=sort><option value="">best first</option><option value=date${byDate ? ' selected' : ''}>newest first</option></select></label></p></form>`;
}

function renderResults(baseUrl: string, results: SearchResultsView, link: (url: string) => string): string {
  if (results.total === 0) return `<p>No paper matches.</p>${HELP}`;
  // A section, so the page's keys (j/k, html-script.ts) move through the hits as through a day's papers.
  return `${renderSummary(baseUrl, results)}<section><ol start=${results.first}>${results.hits.map((hit) => renderHit(baseUrl, hit, link)).join('')}</ol></section>${renderPager(baseUrl, results)}`;
}

function renderSummary(baseUrl: string, results: SearchResultsView): string {
  const number = results.total.toLocaleString('en-US');
  const count = results.more
    ? `More than ${number} papers match`
    : `${number} paper${results.total === 1 ? '' : 's'} match`;
  const other =
    results.sort === 'date'
      ? `newest first · <a href="${baseUrl}${escapeHtml(results.links.relevance)}">best first</a>`
      : `best first · <a href="${baseUrl}${escapeHtml(results.links.date)}">newest first</a>`;
  const ranked =
    results.rankedAmong === undefined
      ? ''
      : ` · ranked among the newest ${results.rankedAmong.toLocaleString('en-US')}: add words or filters to narrow`;
  const truncated = results.truncated ? ' · only the first 16 words were searched' : '';
  return `<p class=m>${count} · ${other}${ranked}${truncated}</p>`;
}

function renderHit(baseUrl: string, hit: SearchHitView, link: (url: string) => string): string {
  const authors = hit.authors.map(renderMarked).join(', ');
  const snippet = renderMarkedTex(hit.snippet);
  return `<li><a href=${link(hit.links.abs)}>${renderMarkedTex(hit.title)}</a>${hit.starred.length > 0 ? ' ★' : ''}${hit.saved ? ' (saved)' : ''}
<div class=m>${authors}<br>${renderFacts(baseUrl, hit)}</div>${snippet}\n`;
}

/** Day (linked to its digest), categories, the arXiv label, who is starred. */
function renderFacts(
  baseUrl: string,
  paper: { day: string | null; categories: string[]; label: string; starred: StarredMatch[] },
): string {
  const day = paper.day ? `<a href="${baseUrl}/digest/${paper.day}">${paper.day}</a> · ` : '';
  const stars = paper.starred.map((match) => ` · ★ ${escapeHtml(describeMatch(match))}`).join('');
  return `${day}${escapeHtml(paper.categories.join(' · '))} · ${escapeHtml(paper.label)}${stars}`;
}

function renderPager(baseUrl: string, results: SearchResultsView): string {
  if (results.pages <= 1) return '';
  const { previous, next } = results.links;
  const back = previous ? `<a href="${baseUrl}${escapeHtml(previous)}" rel=prev>← Previous</a> · ` : '';
  const on = next ? ` · <a href="${baseUrl}${escapeHtml(next)}" rel=next>Next →</a>` : '';
  return `<p class=m>${back}Page ${results.page} of ${results.pages}${on}</p>`;
}

function renderFoundPaper(baseUrl: string, paper: FoundPaperView, link: (url: string) => string): string {
  const comment = paper.comment ? `<p class=m>${escapeHtml(paper.comment)}</p>` : '';
  return `<ol><li class=s><h3><a href=${link(paper.links.abs)}>${renderTexHtml(paper.title)}</a>${paper.saved ? ' (saved)' : ''}</h3>
${renderAuthors(paper.authors, paper.starred)}<div class=m>${renderFacts(baseUrl, paper)}</div>${comment}
<p>${renderTexHtml(paper.abstract)}</p><div class=m><a href=${link(paper.links.version)}>abs</a> <a href=${link(paper.links.pdf)}>pdf</a> <a href=${link(paper.links.html)}>html</a></div></ol>`;
}

/** Escaped text, matched parts in <mark>. */
export function renderMarked(text: MarkedText): string {
  return text.map((part) => (part.match ? `<mark>${escapeHtml(part.text)}</mark>` : escapeHtml(part.text))).join('');
}

// Where marks stand while the text is split into TeX runs (private-use characters no text has).
const OPEN = '\uE010';
const CLOSE = '\uE011';

/**
 * Marked text whose math is rendered (titles, snippets): a formula shows as MathML, without marks
 * inside it (a mark cannot cut through MathML); the prose around it keeps its marks.
 */
export function renderMarkedTex(text: MarkedText): string {
  const joined = text.map((part) => (part.match ? `${OPEN}${part.text}${CLOSE}` : part.text)).join('');
  return splitTex(joined)
    .map((segment) => {
      if (segment.math) return renderMath(segment.source.replace(/[\uE010\uE011]/g, ''), segment.display === true);
      return escapeHtml(segment.source).replaceAll(OPEN, '<mark>').replaceAll(CLOSE, '</mark>');
    })
    .join('');
}
