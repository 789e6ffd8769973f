// What parseFeed refuses, and how it says so: one FeedError, `<source>: <reason>` on one line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/fetcher/errors.ts';
import { parseFeed } from '../../src/fetcher/parse.ts';
import { hasControlCharacters } from '../../src/text/control.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/arxiv');
const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const RSS = read('rss2-cs.LG-2026-04-27-trimmed-3items.xml');
const RSS4 = read('rss2-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed-4items.xml');
const API = read('api-query-id_list-astro-ph_0601001-oldstyle-affiliations-2026-05-11.xml');
const OAI = read('oai-listrecords-arXiv-new-endpoint-set-physics_physics_plasm-ph-2026-01-05-3records.xml');
const SRC = 'https://rss.arxiv.org/rss/cs.LG';

/** The FeedError parseFeed throws for this body (fails the test if it returns). */
function refusal(xml: string, source = SRC): FeedError {
  try {
    parseFeed(xml, source);
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error('parseFeed accepted the document');
}

describe('truncated or malformed XML is refused, never read as a partial feed', () => {
  it('refuses a feed cut in the middle of an item', () => {
    const cut = RSS.slice(0, RSS.indexOf('<item>', RSS.indexOf('<item>') + 1) + 300);
    expect(refusal(cut).message).toMatch(
      /^https:\/\/rss\.arxiv\.org\/rss\/cs\.LG: truncated XML: <rss>, <channel>, <item>/,
    );
  });

  it('refuses a feed cut just after the last </item>, before </channel></rss>', () => {
    const cut = RSS.slice(0, RSS.lastIndexOf('</item>') + '</item>'.length);
    expect(refusal(cut).reason).toBe('truncated XML: <rss>, <channel> never closed');
  });

  it('refuses a 1.7 MB OAI page cut in the middle', () => {
    const oai = read('oai-listrecords-arXiv-set-cs-2016-03-09-page001.xml');
    expect(refusal(oai.slice(0, oai.length / 2)).reason).toMatch(/^truncated XML: <OAI-PMH>, <ListRecords>, <record>/);
  });

  it.each([
    'rss2-cs.LG-2026-04-27-trimmed-3items.xml',
    'api-query-au_del_maestro-max10-legacy-format-2016-10-09.xml',
    'rss1-rdf-legacy-hep-ex-2021-07-08-EDITED-3items.xml',
    'oai-listrecords-arXiv-new-endpoint-set-physics_physics_plasm-ph-2026-01-05-3records.xml',
    'rss2-cs-EMPTY-sunday-2026-03-29.xml',
  ])('refuses %s cut anywhere before its closing root tag', (name) => {
    const xml = read(name);
    const end = xml.lastIndexOf('</');
    for (let k = 0; k < 60; k += 1) {
      const at = Math.floor((end * k) / 60) + (k % 7);
      expect(() => parseFeed(xml.slice(0, at), name), `cut at ${at}`).toThrow(FeedError);
    }
  });

  it('refuses mismatched tags, naming the line', () => {
    const bad = RSS.replace('</guid>', '</link>');
    expect(refusal(bad).reason).toMatch(/^malformed XML at line \d+: <\/link> where <\/guid> was expected$/);
  });

  it('refuses a second root element and text after the root', () => {
    expect(refusal(`${API}<feed/>`).reason).toMatch(/a second root element/);
    expect(refusal(`${API}garbage`).reason).toMatch(/text after the root element/);
  });
});

describe('bodies that are not feeds at all', () => {
  it('refuses an empty body and a whitespace-only body', () => {
    expect(refusal('').reason).toBe('empty response body');
    expect(refusal(' \r\n\t ').reason).toBe('empty response body');
  });

  it('calls an HTML error page an HTML page', () => {
    const page =
      '<!DOCTYPE html>\n<html lang="en"><head><title>503</title></head><body><p>Service unavailable<br></p></body></html>';
    expect(refusal(page).message).toBe(`${SRC}: an HTML page, not a feed`);
    expect(refusal('<html><body>Rate limited</body></html>').reason).toBe('an HTML page, not a feed');
  });

  it('refuses well-formed XML of another kind, naming its root element', () => {
    expect(refusal('<?xml version="1.0"?><foo/>').reason).toBe('not an arXiv feed (root element <foo>)');
    expect(refusal('<rss version="0.91"><channel/></rss>').reason).toBe('not an arXiv feed (root element <rss>)');
  });

  it('refuses an Atom feed that is not the arXiv API', () => {
    const blog = `<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:60a76c80</id><title>Blog</title>
      <entry><id>urn:uuid:1225c695</id><title>Post</title><summary>Hi</summary></entry></feed>`;
    expect(refusal(blog).reason).toBe('an Atom feed, but not from the arXiv API (feed id "urn:uuid:60a76c80")');
  });

  it('refuses an RSS 2.0 feed that is not from arXiv', () => {
    const other = '<rss version="2.0"><channel><title>News</title><link>https://example.org/</link></channel></rss>';
    expect(refusal(other).reason).toBe('an RSS feed, but not from arXiv (channel link "https://example.org/")');
  });

  it('refuses the rss.arxiv.org Atom flavour instead of reading it as an API response', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><id>http://rss.arxiv.org/atom/cs.LG</id>
      <entry><id>oai:arXiv.org:2604.21952v1</id><title>T</title><arxiv:announce_type>new</arxiv:announce_type></entry></feed>`;
    expect(refusal(atom).reason).toMatch(/rss\.arxiv\.org Atom feed, which is not supported/);
  });
});

describe('entity declarations are refused before anything is expanded', () => {
  it('throws at once on a billion-laughs document', () => {
    const laughs = [`<!ENTITY lol "lol">`];
    for (let i = 1; i <= 9; i += 1) laughs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${laughs.join('\n')}\n]>\n<rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
    // The reason says nothing was expanded: an expansion would take minutes or exhaust memory.
    expect(refusal(bomb).reason).toBe('DOCTYPE declares entities; refused without expanding');
  });

  it('refuses an external entity (XXE) the same way', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>';
    expect(refusal(xxe).reason).toBe('DOCTYPE declares entities; refused without expanding');
  });
});

describe('errors reported by arXiv itself', () => {
  it('throws the API error message (HTTP 400 Atom with an Error entry)', () => {
    const xml = read('api-error-http400-incorrect-id-format-abc-2026-04-12.xml');
    expect(refusal(xml, 'api?id_list=abc').message).toBe(
      'api?id_list=abc: arXiv API error: incorrect id format for abc',
    );
  });

  it('throws the RSS error feed message (HTTP 400 RSS titled "Feed error for query")', () => {
    const xml = `<?xml version='1.0' encoding='UTF-8'?><rss version="2.0"><channel><title>Feed error for query: cs.XX</title>
      <link>http://rss.arxiv.org/rss/cs.XX</link><description>Invalid category: cs.XX</description></channel></rss>`;
    expect(refusal(xml).reason).toBe('arXiv feed error: Invalid category: cs.XX');
  });

  it('treats OAI noRecordsMatch as an empty result', () => {
    const xml = `<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-01-05T00:00:00Z</responseDate>
      <request verb="ListRecords">http://oaipmh.arxiv.org/oai</request><error code="noRecordsMatch">No records match</error></OAI-PMH>`;
    expect(parseFeed(xml, 'oai')).toEqual({ format: 'oai', papers: [] });
  });

  it('throws any other OAI error, naming the code', () => {
    const xml = `<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="badResumptionToken">The value of the resumptionToken argument is invalid or expired.</error></OAI-PMH>`;
    expect(refusal(xml).reason).toBe(
      'OAI-PMH error badResumptionToken: The value of the resumptionToken argument is invalid or expired.',
    );
  });
});

describe('an invalid item is left out with its reason, the rest kept; a feed without a valid item is refused', () => {
  it('names the RSS item and the id', () => {
    const bad = RSS.replace('oai:arXiv.org:2604.21953v1', 'oai:arXiv.org:abc');
    const feed = parseFeed(bad, SRC);
    expect(feed.papers.map((paper) => paper.id)).toEqual(['2604.21952', '2604.21956']);
    expect(feed.skipped).toEqual([{ item: 'item 2', reason: 'invalid arXiv id "oai:arXiv.org:abc"' }]);
  });

  it('refuses an API response whose only entry has five digits in 2008', () => {
    const bad = API.replace(
      '<id>http://arxiv.org/abs/astro-ph/0601001v1</id>',
      '<id>http://arxiv.org/abs/0808.05394v1</id>',
    );
    expect(refusal(bad).reason).toBe('no valid entry: entry 1: invalid arXiv id "http://arxiv.org/abs/0808.05394v1"');
  });

  it('leaves out an OAI record with a broken identifier', () => {
    const bad = OAI.replace(
      '<identifier>oai:arXiv.org:2508.21012</identifier>',
      '<identifier>oai:arXiv.org:2513.21012</identifier>',
    );
    expect(parseFeed(bad, 'oai').skipped).toEqual([
      { item: 'record 2', reason: 'invalid arXiv id "oai:arXiv.org:2513.21012"' },
    ]);
  });

  it('leaves out an unknown announce type rather than guessing one', () => {
    const bad = RSS.replace(
      '<arxiv:announce_type>new</arxiv:announce_type>',
      '<arxiv:announce_type>absonly</arxiv:announce_type>',
    );
    expect(parseFeed(bad, SRC).skipped).toEqual([{ item: 'item 1', reason: 'unknown announce type "absonly"' }]);
  });

  it('refuses OAI metadata in another format than arXiv when no record is in arXiv format', () => {
    const dc = OAI.replace(
      /<arXiv xmlns=[^>]*>[\s\S]*?<\/arXiv>/g,
      '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"/>',
    );
    expect(refusal(dc).reason).toBe(
      'no valid record: record 1: metadata is not metadataPrefix=arXiv (found <oai_dc:dc>); record 2: metadata is not metadataPrefix=arXiv (found <oai_dc:dc>); record 3: metadata is not metadataPrefix=arXiv (found <oai_dc:dc>)',
    );
  });

  const firstItem = (replace: (item: string) => string): string =>
    RSS.replace(/<item>[\s\S]*?<\/item>/, (item) => replace(item));

  it.each([
    ['an empty title', (item: string) => item.replace(/<title>[^<]*<\/title>/, '<title> </title>'), 'empty title'],
    ['no authors', (item: string) => item.replace(/<dc:creator>[\s\S]*?<\/dc:creator>/, ''), 'no authors'],
    ['no categories', (item: string) => item.replace(/<category>[^<]*<\/category>/g, ''), 'no categories'],
    [
      'a category that is none',
      (item: string) => item.replace(/<category>[^<]*<\/category>/, '<category>cs.LG; DROP</category>'),
      '"cs.LG; DROP" is not an arXiv category',
    ],
  ])('leaves out an item with %s, naming it', (_what, mutate, reason) => {
    const feed = parseFeed(firstItem(mutate), SRC);
    expect(feed.papers).toHaveLength(2);
    expect(feed.skipped).toEqual([{ item: 'item 1 (2604.21952v1)', reason }]);
  });

  it('leaves out an API entry dated before arXiv existed', () => {
    const old = read('api-query-cat_cs.LG_OR_cat_cs.AI-max20-2026-04-30.xml').replace(
      /<published>[^<]*<\/published>/,
      '<published>1900-01-01T00:00:00Z</published>',
    );
    const feed = parseFeed(old, 'api');
    expect(feed.papers).toHaveLength(19);
    expect(feed.skipped?.[0]?.reason).toBe('impossible published date "1900-01-01T00:00:00Z"');
  });

  it.each([
    ['Mon, 27 Apr 0000 00:00:00 -0400', 'impossible announcement day 0000-04-27'],
    ['Mon, 01 Jan 1900 00:00:00 -0500', 'impossible announcement day 1900-01-01'],
    [
      'Sat, 25 Apr 2026 00:00:00 -0400',
      'announcement day 2026-04-25 is a Saturday, when arXiv announces nothing, yet the feed lists 3 items',
    ],
  ])('refuses a feed dated %s', (pubDate, reason) => {
    expect(refusal(RSS.replaceAll('Mon, 27 Apr 2026 00:00:00 -0400', pubDate)).reason).toBe(reason);
  });

  it('cleans control characters and escape sequences out of every field', () => {
    const feed = parseFeed(
      firstItem((item) =>
        item
          .replace(
            /<title>([^<]*)<\/title>/,
            '<title>&#x1b;[2J&#x1b;]8;;https://evil.example&#7;Clear&#x9b;31m$1</title>',
          )
          .replace('<dc:creator>', '<dc:creator>\u0007'),
      ),
      SRC,
    );
    const paper = feed.papers[0]!;
    expect(paper.title.startsWith('Clear')).toBe(true);
    for (const value of [paper.title, paper.abstract, ...paper.authors, ...paper.categories])
      expect(hasControlCharacters(value)).toBe(false);
  });
});

describe('error messages stay one short line', () => {
  it('never dumps the document, even for megabytes of garbage', () => {
    const err = refusal(`<rss version="2.0"><channel>${'<x a="1"/>\n'.repeat(200_000)}</rss>`);
    expect(err.message).not.toContain('\n');
    expect(err.message.length).toBeLessThan(400);
    expect(err.source).toBe(SRC);
  });
});

describe('text as a reader sees it', () => {
  const item = (inner: string): string =>
    RSS.replace(
      /<item>[\s\S]*<\/item>/,
      `<item>${inner}<guid>oai:arXiv.org:2604.21952v2</guid><dc:creator>Ada Lovelace</dc:creator><category>cs.LG</category>
      <description>arXiv:2604.21952v2 Announce Type: replace \nAbstract: x</description></item>`,
    );

  it('decodes entities one level: &amp;lt; stays &lt;, numeric references become characters', () => {
    const feed = parseFeed(
      item('<title>Caf&#xe9; &amp;lt;b&amp;gt; O&#39;Neil &#233;t&#233; &quot;q&quot; &apos;a&apos;</title>'),
      SRC,
    );
    expect(feed.papers[0]?.title).toBe(`Café &lt;b&gt; O'Neil été "q" 'a'`);
  });

  it('collapses line breaks in titles but keeps LaTeX exactly', () => {
    const feed = parseFeed(item("<title>  Excited $\\Omega_c^0$\n   baryons in V\\'ictor's   data </title>"), SRC);
    expect(feed.papers[0]?.title).toBe("Excited $\\Omega_c^0$ baryons in V\\'ictor's data");
  });

  it('reads id, version and announce type from the description when guid and announce_type are missing', () => {
    const feed = parseFeed(item('<title>T</title>').replace('<guid>oai:arXiv.org:2604.21952v2</guid>', ''), SRC);
    expect(feed.papers[0]).toMatchObject({ id: '2604.21952', version: 2, announceType: 'replace', abstract: 'x' });
  });

  it('takes the feed day from pubDate as written in US Eastern time, not in UTC', () => {
    const late = RSS4.replace(
      '<pubDate>Thu, 24 Sep 2026 00:00:00 -0400</pubDate>',
      '<pubDate>Thu, 24 Sep 2026 23:30:00 -0400</pubDate>',
    );
    expect(parseFeed(late, SRC).announcedOn).toBe('2026-09-24');
  });

  it('refuses a feed whose pubDate cannot be read, since the day is what the digest is keyed on', () => {
    const bad = RSS.replace(
      '<pubDate>Mon, 27 Apr 2026 00:00:00 -0400</pubDate>',
      '<pubDate>Mon, 31 Feb 2026 00:00:00 -0400</pubDate>',
    );
    expect(refusal(bad).reason).toBe('unreadable channel pubDate "Mon, 31 Feb 2026 00:00:00 -0400"');
  });

  it('gives lastBuildDate as a UTC instant', () => {
    const edt = RSS.replace('Mon, 27 Apr 2026 04:00:01 +0000', 'Sun, 26 Apr 2026 23:59:30 -0400');
    expect(parseFeed(edt, SRC).builtAt).toBe('2026-04-27T03:59:30Z');
  });

  it('skips deleted OAI records', () => {
    const deleted = OAI.replace('<header>', '<header status="deleted">');
    expect(parseFeed(deleted, 'oai').papers.map((p) => p.id)).toEqual(['2508.21012', '2510.07502']);
  });
});
