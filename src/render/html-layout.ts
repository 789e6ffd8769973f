// The frame every HTML page shares: head, navigation, footer, and the small status pages.
import { texToUnicode } from '../text/tex-math.ts';
import type { ConfigProblemView } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { FAVICON_PATH, SCRIPT_PATH, STYLE_CSS } from './html-assets.ts';
import { ACTION_FORM } from './html-paper.ts';

export interface PageOptions {
  /** TeX in it reads as Unicode: a <title> shows no MathML. */
  title: string;
  /** Absolute URL of the site without a trailing slash; links to other pages use it. */
  baseUrl: string;
  body: string;
  /** Notice shown above the content, already HTML. */
  notice?: string;
  /** `t`: the compact view (titles and authors only), which the stylesheet keys on `<html class=t>`. */
  htmlClass?: string;
  /** A page of titles to skim (the day): as wide in both views, so that switching them lays out no list again. */
  wide?: boolean;
  /** Seconds after which the browser loads the page again (with or without JavaScript). */
  refresh?: number;
}

// Paper links are absolute URLs from the view; fragments (#new) stay on this page. The footer
// names no key: the script says which keys work, once it runs and if they are on. Every page has
// the form its page-wide buttons belong to (html-paper.ts ACTION_FORM), and the
// status line where the script says what an action did: role=status, fixed at the bottom of the
// window, so it is read out and seen wherever the reader is (not the scheduler's status, above).
export function renderPage(options: PageOptions): string {
  const base = options.baseUrl;
  const htmlClass = options.htmlClass ? ` class=${options.htmlClass}` : '';
  return `<!doctype html><html lang=en${htmlClass}><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">
${options.refresh === undefined ? '' : `<meta http-equiv=refresh content=${Math.round(options.refresh)}>`}<title>${escapeHtml(texToUnicode(options.title))}</title><style>${STYLE_CSS}</style><link rel=icon href="${base}${FAVICON_PATH}" type="image/svg+xml">
<link rel=alternate type=application/rss+xml title="Starred authors" href="${base}/rss.xml">
<link rel=alternate type=application/rss+xml title="Daily digest" href="${base}/rss/daily.xml">
<link rel=alternate type=application/rss+xml title="From the blogs" href="${base}/blogs.xml">
<script src="${base}${SCRIPT_PATH}" async></script></head><body${options.wide ? ' class=w' : ''}>
<header><a href="${base}/">Latest</a><a href="${base}/top">Top</a><a href="${base}/start">Start here</a><a href="${base}/search">Search</a><a href="${base}/rss.xml">RSS</a><a href="${base}/feeds.opml">OPML</a></header>
${options.notice ?? ''}<main>${options.body}</main>${ACTION_FORM}<div id=st role=status></div>
<footer>arxiv-curator · data from arXiv.org<span id=keys></span></footer></body></html>
`;
}

/**
 * The banner of a hand-edited configuration file that cannot be used, on every page until it is
 * fixed: the file, the line and the problem, and what the server does meanwhile.
 */
export function renderConfigBanner(problems: readonly ConfigProblemView[]): string {
  return problems
    .map((problem) => {
      const where = `${problem.file}${problem.line === undefined ? '' : `, line ${problem.line}`}`;
      return `<div class="n warn" role=alert><b>${escapeHtml(where)}</b>: ${escapeHtml(problem.problem)}. The last good version is in use until the file is fixed.</div>\n`;
    })
    .join('');
}

/** A rendered page with banners above its content (renderPage writes `<main>` once). */
export function withBanner(html: string, banner: string): string {
  return banner === '' ? html : html.replace('<main>', `${banner}<main>`);
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
