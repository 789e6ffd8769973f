// Feeds other than arXiv's (blogs): RSS 2.0, Atom 1.0 or JSON Feed 1.1, read by feedsmith (built on
// fast-xml-parser; https://feedsmith.dev), then adapted to FeedItemRecord: plain-text title and summary,
// an absolute http(s) link, an ISO date. A document that is none of these is one FeedError.
import { parseFeed as parseAnyFeed } from 'feedsmith';
import { stripControlCharacters } from '../text/control.ts';
import type { FeedItemRecord } from '../types.ts';
import { decodeXml } from './entities.ts';
import { FeedError, toOneLine } from './errors.ts';

/** A feed's newest items are enough: a blog's feed holds its latest posts, the archive grows from them. */
const MAX_ITEMS = 100;
const SUMMARY_CHARS = 400;

type AnyFeed = ReturnType<typeof parseAnyFeed<string>>;

export interface ParsedBlogFeed {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  items: FeedItemRecord[];
}

/** `source` is the feed's URL: it names errors and resolves relative links. */
export function parseBlogFeed(body: string, source: string): ParsedBlogFeed {
  let parsed: AnyFeed;
  try {
    parsed = parseAnyFeed<string>(body, { maxItems: MAX_ITEMS });
  } catch (error) {
    const start = toOneLine(body, 40);
    const what = start === '' ? 'an empty body' : `a document starting "${start}"`;
    throw new FeedError(source, `not an RSS, Atom or JSON feed (${what}): ${(error as Error).message}`, {
      cause: error,
    });
  }
  const items = readItems(parsed, source).filter((item): item is FeedItemRecord => item !== undefined);
  return { format: parsed.format, items };
}

interface RawItem {
  id?: string | undefined;
  title?: string | undefined;
  link?: string | undefined;
  summary?: string | undefined;
  date?: string | undefined;
}

function readItems(parsed: AnyFeed, base: string): (FeedItemRecord | undefined)[] {
  switch (parsed.format) {
    case 'rss':
    case 'rdf':
      return (parsed.feed.items ?? []).map((item) =>
        adapt(
          {
            id: 'guid' in item ? item.guid?.value : undefined,
            title: item.title,
            link: item.link,
            summary: item.description ?? item.content?.encoded,
            date: ('pubDate' in item ? item.pubDate : undefined) ?? item.dc?.dates?.[0],
          },
          base,
        ),
      );
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) =>
        adapt(
          {
            id: entry.id,
            title: entry.title?.value,
            link: (entry.links ?? []).find((link) => link.rel === undefined || link.rel === 'alternate')?.href,
            summary: entry.summary?.value ?? entry.content?.value,
            date: entry.published ?? entry.updated,
          },
          base,
        ),
      );
    case 'json':
      return (parsed.feed.items ?? []).map((item) =>
        adapt(
          {
            id: item.id,
            title: item.title,
            link: item.url ?? item.external_url,
            summary: item.summary ?? item.content_text ?? item.content_html,
            date: item.date_published,
          },
          base,
        ),
      );
  }
}

/** An item needs an id, a link or a title to be told apart from the others; one with none is left out. */
function adapt(raw: RawItem, base: string): FeedItemRecord | undefined {
  const url = resolveLink(raw.link, base);
  const title = toPlainText(raw.title ?? '');
  const id = stripControlCharacters(raw.id ?? '').trim() || url || title;
  if (!id) return undefined;
  const published = toIsoDate(raw.date);
  return {
    id,
    title: title || url || 'Untitled',
    ...(url !== undefined && { url }),
    summary: shorten(toPlainText(raw.summary ?? ''), SUMMARY_CHARS),
    ...(published !== undefined && { published }),
  };
}

/** Only http(s) links leave as links: a `javascript:` URL in a feed is dropped. */
function resolveLink(link: string | undefined, base: string): string | undefined {
  if (link === undefined || link.trim() === '') return undefined;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Markup removed, HTML's entities decoded (feedsmith decoded the XML's own), control characters and
 * bidi overrides removed as from arXiv's text (text/control.ts; `&#x1b;` too, once decoded), whitespace collapsed.
 */
export function toPlainText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&(?:rsquo|lsquo);/g, (m) => (m === '&rsquo;' ? '’' : '‘'))
    .replace(/&(?:rdquo|ldquo);/g, (m) => (m === '&rdquo;' ? '”' : '“'))
    .replace(/&(?:mdash|ndash|hellip);/g, (m) => ({ '&mdash;': '—', '&ndash;': '–', '&hellip;': '…' })[m] ?? m);
  return stripControlCharacters(decodeXml(text)).replace(/\s+/g, ' ').trim();
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

function toIsoDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const at = Date.parse(raw.trim());
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}
