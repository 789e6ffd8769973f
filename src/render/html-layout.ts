// The frame every HTML page shares: head, navigation, footer, and the small status pages.
import { escapeHtml } from './escape.ts';
import { SCRIPT_PATH, STYLE_PATH } from './html-assets.ts';

export interface PageOptions {
  title: string;
  /** Absolute URL of the site without a trailing slash; internal links use it (see `<base>`). */
  baseUrl: string;
  /** Where relative paper links point (the view's linkBase): the page's `<base>`. */
  linkBase?: string;
  body: string;
  /** Notice shown above the content, already HTML. */
  notice?: string;
}

// `<base>` points at the papers' pages so each of hundreds of paper links is just `href=ID`:
// that is what keeps a 500-paper day under 60 KB. Internal links are therefore absolute.
export function renderPage(options: PageOptions): string {
  const base = options.baseUrl;
  const linkBase = options.linkBase === undefined ? '' : `<base href="${escapeHtml(options.linkBase)}">`;
  return `<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">
<title>${escapeHtml(options.title)}</title>${linkBase}<link rel=stylesheet href="${base}${STYLE_PATH}">
<link rel=alternate type=application/rss+xml title="Starred authors" href="${base}/rss.xml">
<link rel=alternate type=application/rss+xml title="Daily digest" href="${base}/rss/daily.xml">
<script src="${base}${SCRIPT_PATH}" defer></script></head><body>
<header><a href="${base}/">Latest</a><a href="${base}/search">Search</a><a href="${base}/rss.xml">RSS</a><a href="${base}/feeds.opml">OPML</a></header>
${options.notice ?? ''}<main>${options.body}</main>
<footer>arxiv-curator · keys: j/k next/previous, o open · data from arXiv.org</footer></body></html>
`;
}

/** A short status page (400, 404, 500): no details that could leak internals. */
export function renderErrorPage(baseUrl: string, status: number, message: string): string {
  const title = status === 404 ? 'Not found' : status === 400 ? 'Bad request' : 'Something went wrong';
  return renderPage({
    title: `${title} · arxiv-curator`,
    baseUrl,
    body: `<h1>${title}</h1><p>${escapeHtml(message)}</p><p><a href="${baseUrl}/">Latest digest</a></p>`,
  });
}
