// RSS 2.0 feeds (https://www.rssboard.org/rss-specification): papers by starred authors, one
// item per paper version; and the daily digest, one item per announcement day. TeX is read as
// Unicode (text/tex-math.ts: feed readers show no MathML).
import { formatLongDay } from '../calendar/days.ts';
import { texToUnicode } from '../text/tex-math.ts';
import type { AnnouncedPaperView, DigestView, PostView } from '../views/types.ts';
import { formatRfc822, formatRfc822Day } from '../calendar/rfc822.ts';
import { escapeXml } from './escape.ts';
import { formatPapers } from './format.ts';
import { renderDailyItemHtml } from './rss-daily.ts';

export interface ChannelMeta {
  title: string;
  description: string;
  /** The site's URL without a trailing slash (channel link). */
  baseUrl: string;
  /** This feed's own URL (atom:link rel="self"). */
  selfUrl: string;
  /** ISO timestamp of the newest data the feed reflects. */
  builtAt: string;
}

function renderChannel(meta: ChannelMeta, items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escapeXml(meta.title)}</title>
<link>${escapeXml(meta.baseUrl)}/</link>
<description>${escapeXml(meta.description)}</description>
<atom:link href="${escapeXml(meta.selfUrl)}" rel="self" type="application/rss+xml"/>
<language>en</language>
<lastBuildDate>${formatRfc822(meta.builtAt)}</lastBuildDate>
<generator>arxiv-curator</generator>
<docs>https://www.rssboard.org/rss-specification</docs>
${items.join('')}</channel>
</rss>
`;
}

/**
 * The guid names the paper version, so it stays the same however often we fetch; a paper
 * without a known version (OAI metadata) is named by its announcement day instead. `feed` makes
 * it unique to one feed: a reader that keeps one item per guid across feeds (newsboat) would
 * otherwise show a paper only in the first feed it read it from. The starred feed has none.
 */
export function paperGuid(paper: { id: string; version: number | null; day: string }, feed = ''): string {
  const version = paper.version === null ? `${paper.id}@${paper.day}` : `${paper.id}v${paper.version}`;
  return feed === '' ? `arxiv:${version}` : `arxiv-curator:${feed}/${version}`;
}

/** "Title (v2)" for a replacement: readers show it as a new item, and should say why. */
function itemTitle(paper: AnnouncedPaperView): string {
  const title = texToUnicode(paper.title);
  const replaced = paper.announceType === 'replace' || paper.announceType === 'replace-cross';
  return replaced && paper.version !== null ? `${title} (v${paper.version})` : title;
}

function renderStarredItem(paper: AnnouncedPaperView, guid: string): string {
  const names = [...new Set(paper.starred.map((match) => match.name))].join(', ');
  const authors = paper.authors.map(texToUnicode).join(', ');
  const description = `<p>${escapeXml(authors)}</p><p>${escapeXml(paper.categories.join(' · '))} · ${escapeXml(paper.announceType)} · ${escapeXml(paper.label)}</p><p>${escapeXml(texToUnicode(paper.abstract))}</p>`;
  return `<item>
<title>${escapeXml(`${names === '' ? '' : `[${names}] `}${itemTitle(paper)}`)}</title>
<link>${escapeXml(paper.links.abs)}</link>
<guid isPermaLink="false">${escapeXml(guid)}</guid>
<pubDate>${formatRfc822Day(paper.day)}</pubDate>
<description>${escapeXml(description)}</description>
<dc:creator>${escapeXml(authors)}</dc:creator>
${paper.categories.map((category) => `<category>${escapeXml(category)}</category>`).join('')}
</item>
`;
}

/**
 * Starred papers, newest announcement first; one item per version even if listed twice.
 * `feed` scopes the guids to one feed (e.g. `authors/yoshua-bengio`), see paperGuid.
 */
export function renderStarredRss(papers: readonly AnnouncedPaperView[], meta: ChannelMeta, feed = ''): string {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const paper of papers) {
    const guid = paperGuid(paper, feed);
    if (seen.has(guid)) continue;
    seen.add(guid);
    items.push(renderStarredItem(paper, guid));
  }
  return renderChannel(meta, items);
}

/** One item per announcement day; the day's digest as plain HTML in content:encoded. */
export function renderDailyRss(digests: readonly DigestView[], meta: ChannelMeta): string {
  const items = digests.map((digest) => {
    const summary = `${formatPapers(digest.counts.total)}, ${digest.counts.starred} by starred authors`;
    const page = `${meta.baseUrl}/digest/${digest.date}`;
    return `<item>
<title>${escapeXml(`arXiv digest ${formatLongDay(digest.date)}: ${summary}`)}</title>
<link>${escapeXml(page)}</link>
<guid isPermaLink="false">arxiv-digest:${digest.date}</guid>
<pubDate>${formatRfc822Day(digest.date)}</pubDate>
<description>${escapeXml(summary)}</description>
<content:encoded>${escapeXml(renderDailyItemHtml(digest, page))}</content:encoded>
</item>
`;
  });
  return renderChannel(meta, items);
}

/**
 * The followed feeds' posts in one feed (/blogs.xml), newest first. Each item keeps its own link;
 * the guid names the feed and the post's own id (`arxiv-curator:blogs/<feed>/<id>`), scoped like
 * the author feeds' (see paperGuid). Dated by the post's own date, else when we first saw it.
 */
export function renderPostsRss(posts: readonly PostView[], meta: ChannelMeta): string {
  const items = posts.map((post) => {
    const link = post.url === undefined ? '' : `<link>${escapeXml(post.url)}</link>\n`;
    return `<item>
<title>${escapeXml(`[${post.feedTitle}] ${post.title}`)}</title>
${link}<guid isPermaLink="false">${escapeXml(`arxiv-curator:blogs/${post.feedId}/${post.id}`)}</guid>
<pubDate>${formatRfc822(post.published ?? post.firstSeen)}</pubDate>
<description>${escapeXml(post.summary)}</description>
<category>${escapeXml(post.feedTitle)}</category>
</item>
`;
  });
  return renderChannel(meta, items);
}
