// OPML 2.0 (http://opml.org/spec2.opml) listing our feeds, for importing into a feed reader.
import type { StarredAuthor } from '../views/types.ts';
import { formatRfc822 } from '../calendar/rfc822.ts';
import { escapeXml } from './escape.ts';

/** A feed besides the fixed ones: saved papers, a keyword watch. */
export interface OpmlFeed {
  title: string;
  xmlPath: string;
  htmlPath: string;
}

export function renderOpml(
  baseUrl: string,
  authors: readonly StarredAuthor[],
  builtAt: string,
  feeds: readonly OpmlFeed[] = [],
): string {
  const outline = (title: string, xmlPath: string, htmlPath: string) =>
    `<outline type="rss" text="${escapeXml(title)}" title="${escapeXml(title)}" xmlUrl="${escapeXml(baseUrl + xmlPath)}" htmlUrl="${escapeXml(baseUrl + htmlPath)}"/>`;
  const lines = [
    outline('arXiv: papers by starred authors', '/rss.xml', '/'),
    outline('arXiv daily digest', '/rss/daily.xml', '/'),
    outline('From the blogs', '/blogs.xml', '/start'),
    ...authors.map((author) => outline(`arXiv: ${author.name}`, `/authors/${author.id}.xml`, `/authors/${author.id}`)),
    ...feeds.map((feed) => outline(feed.title, feed.xmlPath, feed.htmlPath)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
<head><title>arxiv-curator feeds</title><dateCreated>${formatRfc822(builtAt)}</dateCreated></head>
<body>
${lines.join('\n')}
</body>
</opml>
`;
}
