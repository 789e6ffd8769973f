// The one XML parser of the fetcher, the checks run before it, and small pure helpers
// that read its output. Values stay strings; entities are decoded here, not by the parser.
import { XMLParser } from 'fast-xml-parser';
import { FeedFormatError } from './errors.ts';
import { decodeXml } from './entities.ts';
import { scanXml, type RepeatedElement } from './wellformed.ts';
import { stripControlCharacters } from '../text/control.ts';

export type XmlNode = Record<string, unknown>;

export interface XmlDocument {
  /** Name of the root element as written, prefix included (`rss`, `rdf:RDF`, `feed`, `OAI-PMH`). */
  rootName: string;
  /** The root element without its repeated elements (items, entries, records): see items(). */
  root: XmlNode;
  itemCount: number;
  /**
   * The repeated elements, parsed `size` at a time in document order. Parsing a feed whole builds
   * a tree of 5 to 7 times its size; a batch at a time keeps that to the batch.
   */
  items(size: number): Generator<XmlNode[], void>;
}

// Elements that can repeat in any arXiv format, always arrays (compact() below): otherwise one
// <item> gives an object and none gives undefined (feedsmith's isArray habit).
const REPEATED = new Set(['item', 'entry', 'record', 'category', 'author', 'link', 'error']);

// Text-only elements are taken raw (stop nodes): the parser's per-character text loop is its
// slowest part, and these elements never hold markup in arXiv output (FORMATS.md §1, §3, §4).
// Besides the long free text, the short fields every API entry repeats (an author's name, the
// id and dates): 8% of the parser's time on an import of API files.
const RAW_TEXT = [
  'summary',
  'description',
  'abstract',
  'title',
  'dc:creator',
  'name',
  'id',
  'published',
  'updated',
  'arxiv:comment',
  'arxiv:journal_ref',
  'arxiv:doi',
];

// processEntities is off: fast-xml-parser v5 decodes numeric references only together with
// the HTML named entities, and arXiv uses just XML's five plus numeric ones (FORMATS.md §4
// Encoding). decodeXml() does exactly that, once, so `&amp;lt;` stays `&lt;`.
// Prefixes are kept (no removeNSPrefix) so that dc:, arxiv: and opensearch: stay distinct.
// preserveOrder: the parser's own tree, which compact() folds into nodes; the library's folding
// (node2json) tracks every node's path for callbacks we do not use, a third of an import's parse.
const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  jPath: false,
  preserveOrder: true,
  stopNodes: RAW_TEXT.map((name) => `*.${name}`),
});

/** The parser's ordered tree: an element `{ name: children, ':@'?: attributes }`, or `{ '#text': text }`. */
type Ordered = Record<string, unknown>;

/**
 * Folds an ordered list of children into a node as the library's own folding does: an element with
 * text only is its text, an empty one '', attributes as `@_name` beside `#text` and the children;
 * repeated elements (REPEATED always) become arrays, and texts split by children are joined.
 */
function compact(list: readonly Ordered[]): XmlNode {
  const node: XmlNode = {};
  let text: string | undefined;
  for (const entry of list) {
    let name = '';
    for (const key in entry) {
      name = key;
      break;
    }
    if (name === '#text') {
      text = text === undefined ? (entry[name] as string) : text + (entry[name] as string);
      continue;
    }
    const value = fold(compact(entry[name] as Ordered[]), entry[':@'] as Record<string, string> | undefined);
    const known: unknown = Object.hasOwn(node, name) ? node[name] : undefined;
    if (known === undefined) node[name] = REPEATED.has(name) ? [value] : value;
    else if (Array.isArray(known)) known.push(value);
    else node[name] = [known, value];
  }
  if (text !== undefined && text !== '') node['#text'] = text;
  return node;
}

function fold(inner: XmlNode, attributes: Record<string, string> | undefined): XmlNode | string {
  if (attributes !== undefined) return Object.assign(inner, attributes);
  let keys = 0;
  for (const key in inner) if (++keys > 1 || key !== '#text') return inner;
  return keys === 0 ? '' : (inner['#text'] as string);
}

// Where each arXiv format keeps its repeated elements: rss>channel>item, rdf:RDF>item,
// feed>entry, OAI-PMH>ListRecords|GetRecord>record.
const REPEATED_BY_ROOT: Record<string, RepeatedElement> = {
  rss: { name: 'item', depth: 2 },
  'rdf:RDF': { name: 'item', depth: 1 },
  feed: { name: 'entry', depth: 1 },
  'OAI-PMH': { name: 'record', depth: 2 },
};

/** Runs the pre-checks, validates well-formedness and parses all but the items. Throws FeedFormatError. */
export function parseXmlDocument(xml: string): XmlDocument {
  const body = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const repeated = REPEATED_BY_ROOT[refuseNonFeedBody(body)];
  const scan = scanXml(body, repeated);
  if (scan.problem !== undefined) throw new FeedFormatError(scan.problem);
  const { ranges } = scan;
  const parsed = parseWithLibrary(cutOut(body, ranges));
  const names = Object.keys(parsed);
  if (names.length !== 1) throw new FeedFormatError(`expected one root element, found ${names.length}`);
  const rootName = names[0] as string;
  const root = parsed[rootName];
  return {
    rootName,
    root: isNode(root) ? root : {},
    itemCount: ranges.length / 2,
    *items(size) {
      // A batch is the text from its first item's start to its last item's end: what lies between
      // items (white space, or another element of their parent) is parsed too, and left out.
      for (let first = 0; first < ranges.length; first += size * 2) {
        const end = ranges[Math.min(ranges.length, first + size * 2) - 1];
        const batch = parseWithLibrary(`<batch>${body.slice(ranges[first], end)}</batch>`)['batch'];
        yield isNode(batch) ? children(batch[repeated!.name]) : [];
      }
    },
  };
}

/** The document without the given ranges. */
function cutOut(body: string, ranges: readonly number[]): string {
  if (ranges.length === 0) return body;
  const kept: string[] = [];
  let from = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    kept.push(body.slice(from, ranges[k]));
    from = ranges[k + 1]!;
  }
  kept.push(body.slice(from));
  return kept.join('');
}

/** Refuses bodies that must never reach the parser: empty, entity-declaring DOCTYPE, HTML. Returns the root's name. */
function refuseNonFeedBody(body: string): string {
  if (body.trim() === '') throw new FeedFormatError('empty response body');
  // The prolog ends where the root start tag begins; DOCTYPE and its internal subset live there.
  const rootStart = findRootStart(body);
  const prolog = rootStart === -1 ? body : body.slice(0, rootStart);
  // Entity declarations are refused outright, never expanded (billion laughs, XXE). The whole
  // body is searched, as a quoted '<x' in the internal subset would end the prolog early.
  if (/<!DOCTYPE/i.test(prolog) && body.includes('<!ENTITY')) {
    throw new FeedFormatError('DOCTYPE declares entities; refused without expanding');
  }
  const rootName = rootStart === -1 ? '' : (/^<([^\s/>]+)/.exec(body.slice(rootStart, rootStart + 64))?.[1] ?? '');
  if (/<!DOCTYPE\s+html/i.test(prolog) || rootName.toLowerCase() === 'html') {
    throw new FeedFormatError('an HTML page, not a feed');
  }
  return rootName;
}

// XML 1.0 §2.8: before the root element come the declaration, comments, processing instructions,
// white space and a DOCTYPE (with an internal subset); a comment may well quote `<id>`.
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i;

/** Where the root element's start tag begins, or -1. */
function findRootStart(body: string): number {
  const prologEnd = PROLOG.exec(body)?.[0].length ?? 0;
  const at = body.slice(prologEnd).search(/<[A-Za-z_]/);
  return at === -1 ? -1 : prologEnd + at;
}

/** The library's own errors (bad attribute syntax, nesting too deep…) as one short reason. */
function parseWithLibrary(body: string): XmlNode {
  try {
    return compact(PARSER.parse(body) as Ordered[]);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    // Some messages quote 100 characters of context: keep only the reason.
    throw new FeedFormatError(`malformed XML: ${why.split(/\n|Context:/)[0]?.trim() ?? ''}`);
  }
}

export function isNode(v: unknown): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The element(s) of a repeated name as an array of nodes; text-only elements become `{'#text'}`. */
export function children(v: unknown): XmlNode[] {
  if (v === undefined) return [];
  const list: unknown[] = Array.isArray(v) ? v : [v];
  return list.map((x) => (isNode(x) ? x : { '#text': x }));
}

/** The first child element of that name, if it is an element with content or attributes. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const v = node?.[name];
  const first: unknown = Array.isArray(v) ? v[0] : v;
  return isNode(first) ? first : undefined;
}

/** Text content as written (entities not decoded); first occurrence if repeated. */
export function rawText(v: unknown): string | undefined {
  const first: unknown = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return first;
  if (isNode(first) && typeof first['#text'] === 'string') return first['#text'];
  return undefined;
}

/** Decoded text with whitespace runs collapsed and trimmed; undefined when empty. */
export function text(v: unknown): string | undefined {
  const raw = rawText(v);
  if (raw === undefined) return undefined;
  // Control characters (raw, or as `&#x1b;`, which XML 1.0 does not allow either) are cleaned here,
  // at ingest, so no stored text carries them (text/control.ts).
  const s = collapseWhitespace(stripControlCharacters(decodeMarkup(raw)));
  return s === '' ? undefined : s;
}

/** A decoded attribute value, e.g. attr(category, 'term'). */
export function attr(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const v = node[`@_${name}`];
  return typeof v === 'string' ? stripControlCharacters(decodeXml(v)) : undefined;
}

// XML whitespace only (XML 1.0 §2.3 S): a no-break space is content, not layout.
const XML_SPACE_RUN = / [ \t\n\r]+|[\t\n\r][ \t\n\r]*/g;

export function collapseWhitespace(s: string): string {
  // Most titles and names are already one line: indexOf is far cheaper than a replace.
  if (s.indexOf('  ') === -1 && s.indexOf('\n') === -1 && s.indexOf('\t') === -1 && s.indexOf('\r') === -1)
    return s.trim();
  return s.replace(XML_SPACE_RUN, ' ').trim();
}

/** Decodes raw element content: CDATA sections are taken literally, the rest via decodeXml. */
function decodeMarkup(raw: string): string {
  if (!raw.includes('<![CDATA[')) return decodeXml(raw);
  let out = '';
  let from = 0;
  for (let start = raw.indexOf('<![CDATA['); start !== -1; start = raw.indexOf('<![CDATA[', from)) {
    const end = raw.indexOf(']]>', start + 9);
    if (end === -1) break;
    out += decodeXml(raw.slice(from, start)) + raw.slice(start + 9, end);
    from = end + 3;
  }
  return out + decodeXml(raw.slice(from));
}
