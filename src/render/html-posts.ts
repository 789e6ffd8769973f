// Posts of followed feeds (blogs) as HTML: each by what it is, a post of a named blog, with its own
// link, date and summary (no arXiv label, no abstract toggle). Used by the digest, /start and search.
import type { PostView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { POSTS_HEADING } from './format.ts';
import { attr } from './html-paper.ts';

function renderPost(post: PostView, level: number): string {
  const title = escapeHtml(post.title);
  const linked = post.url === undefined ? title : `<a href=${attr(post.url)}>${title}</a>`;
  const date = post.published === undefined ? '' : ` · ${escapeHtml(post.published.slice(0, 10))}`;
  const summary = post.summary === '' ? '' : `<p>${escapeHtml(post.summary)}</p>`;
  return `<li><h${level}>${linked}</h${level}><div class=m>${escapeHtml(post.feedTitle)}${date}</div>${summary}`;
}

export function renderPostList(posts: readonly PostView[], level = 3): string {
  return `<ol class=posts>${posts.map((post) => renderPost(post, level)).join('\n')}</ol>`;
}

/** The digest page's section, or nothing on a day without new posts. */
export function renderPostsSection(posts: readonly PostView[]): string {
  if (posts.length === 0) return '';
  return `<section id=blogs><h2>${POSTS_HEADING} (${posts.length})</h2>${renderPostList(posts)}</section>\n`;
}
