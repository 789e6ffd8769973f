// "Star an author of this paper" (`/papers/<id>/authors`): each author of the paper with a Star
// or Unstar button. The day page's "☆ star" link leads here without JavaScript (with it, the
// same buttons open under the paper); each is a plain form that lands back at the paper.
import type { AnnouncedPaperView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { renderPage } from './html-layout.ts';
import { attr, authorSearchUrl, paperPath } from './html-paper.ts';
import { renderTexHtml } from './tex-html.ts';
import { texToPlain } from '../text/tex.ts';

export function renderPaperAuthorsHtml(paper: AnnouncedPaperView, baseUrl: string, controls: boolean): string {
  const starred = new Set(paper.starred.map((match) => match.as));
  const back = paper.day === '' ? '/' : `/digest/${paper.day}`;
  const action = `${paperPath(baseUrl, paper.id)}/star`;
  const rows = paper.authors.map((written, index) => {
    const name = escapeHtml(texToPlain(written));
    const link = `<a href=${attr(authorSearchUrl(baseUrl, texToPlain(written)))}>${starred.has(written) ? `<mark>${name}</mark>` : name}</a>`;
    const button = `<form method=post action=${attr(action)} class=inline><input type=hidden name=back value=${attr(back)}><button name=a value=${index}>${starred.has(written) ? 'Unstar' : 'Star'} ${name}</button></form>`;
    return `<li>${link}${controls ? ` ${button}` : ''}`;
  });
  const note = controls
    ? '<p class=m>Starring adds the name to config/authors.json: the papers it matches are flagged and listed first.</p>'
    : '<p class=m>This server is read-only: starring is done in config/authors.json.</p>';
  return renderPage({
    title: `Authors of ${paper.label} · arxiv-curator`,
    baseUrl,
    body: `<h1>Star an author</h1><p><a href=${attr(paper.links.abs)}>${renderTexHtml(paper.title)}</a> · <a href=${attr(`${baseUrl}${back}#p-${paper.id}`)}>back to the paper</a></p>${note}<ul class=stars>${rows.join('')}</ul>`,
  });
}
