import { describe, expect, it } from 'vitest';
import { decodeXml } from '../../src/fetcher/entities.ts';
import { collapseWhitespace, parseXmlDocument, text } from '../../src/fetcher/xml.ts';
import { findTagImbalance } from '../../src/fetcher/wellformed.ts';

describe('decodeXml', () => {
  it('decodes the five XML entities and numeric references exactly once', () => {
    expect(decodeXml('&amp;lt; &lt;a&gt; &quot;&apos; &#xe9;&#XE9;&#233;&#39; &#x1F600;')).toBe(
      `&lt; <a> "' é&#XE9;é' 😀`,
    );
  });

  it('leaves HTML-only names, bare ampersands and invalid code points as written', () => {
    expect(decodeXml('&nbsp; AT&T &#0; &#xD800; &#x110000;')).toBe('&nbsp; AT&T &#0; &#xD800; &#x110000;');
  });
});

describe('collapseWhitespace', () => {
  it('turns runs of spaces, tabs and line breaks into one space and trims', () => {
    expect(collapseWhitespace('  a\n  b\t\tc \r\n d  ')).toBe('a b c d');
  });

  it('keeps a no-break space, which is content', () => {
    expect(collapseWhitespace('a\u00a0b')).toBe('a\u00a0b');
  });
});

describe('parseXmlDocument', () => {
  it('keeps values as strings and reads CDATA literally', () => {
    const { rootName, root } = parseXmlDocument(
      '<feed><id>2401.12340</id><title><![CDATA[a &amp; <b>]]> &amp; c</title></feed>',
    );
    expect(rootName).toBe('feed');
    expect(root['id']).toBe('2401.12340');
    expect(text(root['title'])).toBe('a &amp; <b> & c');
  });

  it('accepts a byte-order mark, comments, PIs and a DOCTYPE without entities', () => {
    const xml =
      '\ufeff<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd">\n<!-- c --><rss a="1>2"><!-- <x> --></rss>\n<!-- end -->\n';
    expect(parseXmlDocument(xml).rootName).toBe('rss');
  });

  it('finds the items after a comment that quotes a tag before the root', () => {
    const xml =
      '<?xml version="1.0"?>\n<!-- from https://arxiv.org/a/<id>.atom -->\n<feed><entry><id>1</id></entry><entry><id>2</id></entry></feed>';
    const doc = parseXmlDocument(xml);
    expect(doc.rootName).toBe('feed');
    expect(doc.itemCount).toBe(2);
  });
});

describe('findTagImbalance', () => {
  it.each([
    ['<a><b/></a>', undefined],
    ['<a x=\'>\' y=">"><b></b ></a>', undefined],
    ['<a><![CDATA[</a>]]></a>', undefined],
    ['<a>', 'truncated XML: <a> never closed'],
    ['<a><b></a>', 'malformed XML at line 1: </a> where </b> was expected'],
    ['<a></a></b>', 'malformed XML at line 1: </b> closes nothing'],
    ['<a>\n<b x="1></b></a>', 'malformed XML at line 2: truncated or malformed start tag'],
    ['<a>1 < 2</a>', 'malformed XML at line 1: truncated or malformed start tag'],
    ['<a>< b></a>', "malformed XML at line 1: '<' that starts no tag"],
    ['<a><!-- open', 'malformed XML at line 1: truncated XML: unterminated comment, CDATA or declaration'],
    ['text', 'malformed XML at line 1: text where the root element should start'],
    ['<?xml version="1.0"?>', 'no root element'],
  ])('%j -> %j', (xml, reason) => {
    expect(findTagImbalance(xml)).toBe(reason);
  });
});
