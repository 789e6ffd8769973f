// /top: the advice's alternative to reading everything, a popularity view. Hugging Face's Daily
// Papers upvotes of the latest day and of its week, for the papers in our store, with their counts;
// then the popular papers we do not have (outside the curated categories).
import type { PopularView, TopView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { formatFirstAuthors } from './format.ts';
import { renderPage } from './html-layout.ts';
import { attr } from './html-paper.ts';
import { renderTexHtml } from './tex-html.ts';

function renderCounts(paper: PopularView): string {
  const counts = [`${paper.upvotes} upvote${paper.upvotes === 1 ? '' : 's'}`];
  if (paper.comments !== undefined) counts.push(`${paper.comments} comment${paper.comments === 1 ? '' : 's'}`);
  if (paper.githubRepo !== undefined) {
    const stars = paper.githubStars === undefined ? '' : ` (${paper.githubStars} stars)`;
    counts.push(`<a href=${attr(paper.githubRepo)}>code</a>${stars}`);
  }
  return counts.join(' · ');
}

function renderStored(baseUrl: string, paper: PopularView): string {
  const day = paper.day === undefined ? '' : ` · <a href="${baseUrl}/digest/${paper.day}">${paper.day}</a>`;
  const categories = escapeHtml((paper.categories ?? []).join(' '));
  const outside = paper.outside ? ' · outside the curated categories' : '';
  return `<li><h3><a href=${attr(paper.link)}>${renderTexHtml(paper.title)}</a></h3><div class=au>${escapeHtml(formatFirstAuthors(paper.authors ?? []))}</div>
<div class=m>${renderCounts(paper)} · ${categories}${outside}${day}</div>`;
}

function renderNotStored(paper: PopularView): string {
  return `<li><a href=${attr(paper.link)}>${escapeHtml(paper.title)}</a> <span class=m>${renderCounts(paper)}</span>`;
}

function renderList(
  baseUrl: string,
  heading: string,
  list: { stored: PopularView[]; notStored: PopularView[] },
  categories: string,
): string {
  const stored =
    list.stored.length === 0
      ? '<p class=m>None of them is in the store.</p>'
      : `<ol>${list.stored.map((paper) => renderStored(baseUrl, paper)).join('\n')}</ol>`;
  const others =
    list.notStored.length === 0
      ? ''
      : `<details><summary>Also popular, outside ${escapeHtml(categories)} (${list.notStored.length})</summary><ol>${list.notStored.map(renderNotStored).join('\n')}</ol></details>`;
  return `<h2>${escapeHtml(heading)}</h2>${stored}${others}`;
}

export function renderTopHtml(baseUrl: string, view: TopView): string {
  const categories = view.categories.join(', ');
  let body: string;
  if (view.off) body = '<h1>Top</h1><p>Popularity counts are turned off (CURATOR_POPULARITY=off).</p>';
  else if (view.date === undefined)
    body =
      '<h1>Top</h1><p>No popularity counts yet: they arrive with the daily fetch, from Hugging Face’s Daily Papers.</p>';
  else
    body = `<h1>Top</h1><p class=m>The most upvoted papers on Hugging Face’s Daily Papers, counted on ${escapeHtml(view.date)}, that are in this store.</p>
${renderList(baseUrl, `The day (${view.date})`, view.day, categories)}
${renderList(baseUrl, `The week (${view.week.from ?? ''} to ${view.date})`, view.week, categories)}`;
  return renderPage({ title: 'Top · arxiv-curator', baseUrl, body });
}
