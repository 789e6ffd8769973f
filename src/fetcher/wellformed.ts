// A cheap well-formedness check run before the parser. fast-xml-parser v5 accepts unclosed and
// mismatched tags silently, so a body cut off in transfer would come back as a partial feed.
// XMLValidator would catch it too, but costs ~30 ms per 2,000 API entries against ~3 ms here,
// and the bench needs the import path fast. This checks structure only: every start tag closed
// by its own end tag, one root, nothing but whitespace, comments and PIs around it. On the way it
// notes where the repeated elements lie, so the parser can take a feed an item batch at a time.

/** Returns why the document is not well nested, or undefined if it is. */
export function findTagImbalance(xml: string): string | undefined {
  return scanXml(xml).problem;
}

/** Elements to find while scanning: `name` at `depth` (the root is at depth 0). */
export interface RepeatedElement {
  name: string;
  depth: number;
}

export interface XmlScan {
  /** Why the document is not well nested; undefined if it is. */
  problem?: string;
  /** Start and end offsets of each `collect` element, flattened: [start0, end0, start1, end1, …]. */
  ranges: number[];
}

/** The well-formedness check, noting on the way where each repeated element (an item, an entry) lies. */
export function scanXml(xml: string, collect?: RepeatedElement): XmlScan {
  const stack: string[] = [];
  const ranges: number[] = [];
  const fail = (problem: string): XmlScan => ({ problem, ranges });
  let rootSeen = false;
  let i = xml.indexOf('<');
  if (i === -1 || xml.slice(0, i).trim() !== '')
    return fail(describeAt(xml, 0, 'text where the root element should start'));
  while (i !== -1) {
    const c = xml.charCodeAt(i + 1);
    let next: number;
    if (c === 47 /* '/' */) {
      const end = xml.indexOf('>', i + 2);
      if (end === -1) return fail('truncated XML: a closing tag is cut off');
      const name = xml.slice(i + 2, end).trimEnd();
      const open = stack.pop();
      if (open !== name)
        return fail(
          describeAt(
            xml,
            i,
            open === undefined ? `</${name}> closes nothing` : `</${name}> where </${open}> was expected`,
          ),
        );
      if (collect && stack.length === collect.depth && name === collect.name) ranges.push(end + 1);
      next = end + 1;
    } else if (c === 33 /* '!' */ || c === 63 /* '?' */) {
      next = skipDeclaration(xml, i);
      if (next === -1) return fail(describeAt(xml, i, 'truncated XML: unterminated comment, CDATA or declaration'));
    } else {
      const end = findTagEnd(xml, i + 1);
      if (end === -1) return fail(describeAt(xml, i, 'truncated or malformed start tag'));
      const name = readTagName(xml, i + 1, end);
      if (name === '') return fail(describeAt(xml, i, "'<' that starts no tag"));
      if (stack.length === 0 && rootSeen) return fail(describeAt(xml, i, 'a second root element'));
      rootSeen = true;
      const selfClosing = xml.charCodeAt(end - 1) === 47; /* '/>' */
      if (collect && stack.length === collect.depth && name === collect.name)
        ranges.push(i, ...(selfClosing ? [end + 1] : []));
      if (!selfClosing) stack.push(name);
      next = end + 1;
    }
    i = xml.indexOf('<', next);
    if (stack.length === 0 && xml.slice(next, i === -1 ? xml.length : i).trim() !== '') {
      return fail(describeAt(xml, next, 'text after the root element'));
    }
  }
  if (stack.length > 0) return fail(`truncated XML: ${stack.map((n) => `<${n}>`).join(', ')} never closed`);
  return rootSeen ? { ranges } : fail('no root element');
}

/** Skips `<!-- -->`, `<![CDATA[ ]]>`, `<? ?>` and `<!DOCTYPE … [ … ]>`; -1 if unterminated. */
function skipDeclaration(xml: string, i: number): number {
  const close = (token: string, from: number): number => {
    const e = xml.indexOf(token, from);
    return e === -1 ? -1 : e + token.length;
  };
  if (xml.startsWith('<!--', i)) return close('-->', i + 4);
  if (xml.startsWith('<![CDATA[', i)) return close(']]>', i + 9);
  if (xml.charCodeAt(i + 1) === 63) return close('?>', i + 2);
  const gt = xml.indexOf('>', i);
  const subset = xml.indexOf('[', i);
  if (subset !== -1 && subset < gt) return close(']', subset) === -1 ? -1 : close('>', close(']', subset));
  return gt === -1 ? -1 : gt + 1;
}

/** Index of the `>` ending a start tag, skipping quoted attribute values; -1 if none. */
function findTagEnd(xml: string, from: number): number {
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (c === 62 /* '>' */) return j;
    if (c === 60 /* '<' */) return -1;
    if (c === 34 || c === 39) {
      j = xml.indexOf(c === 34 ? '"' : "'", j + 1);
      if (j === -1) return -1;
    }
  }
  return -1;
}

const NAME_START = /^[A-Za-z_:\u00C0-\uFFFF]/;

function readTagName(xml: string, from: number, end: number): string {
  let j = from;
  for (; j < end; j++) {
    const c = xml.charCodeAt(j);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
  }
  const name = xml.slice(from, j);
  return NAME_START.test(name) ? name : '';
}

function describeAt(xml: string, pos: number, what: string): string {
  let line = 1;
  for (let k = xml.indexOf('\n'); k !== -1 && k < pos; k = xml.indexOf('\n', k + 1)) line += 1;
  return `malformed XML at line ${line}: ${what}`;
}
