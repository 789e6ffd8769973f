// Edits of a hand-written JSONC file that leave the rest as it was written: an array item added
// as one more line like the last one, or removed with its own lines and its own comment, every
// other comment, blank line and trailing comma where it was. jsonc-parser finds the nodes and the
// commas (its own `modify` re-indents the items around and loses the comment on an item's line).
import { createScanner, findNodeAtLocation, parseTree, type Node, type SyntaxKind } from 'jsonc-parser';

// jsonc-parser's SyntaxKind is a const enum, which erasable TypeScript cannot read: its values.
const COMMA = 5 as SyntaxKind;
const SKIPPED = new Set([12, 13, 14, 15] as SyntaxKind[]); // line comment, block comment, line break, spaces

/** The array at `path` (e.g. `['authors']`), or undefined when the file has none there. */
export function findArray(text: string, path: readonly (string | number)[]): Node | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = root && findNodeAtLocation(root, [...path]);
  return node?.type === 'array' ? node : undefined;
}

/** The first token after `offset` that is not whitespace or a comment: its kind, offset and length. */
function nextToken(text: string, offset: number): { kind: SyntaxKind; offset: number; length: number } {
  const scanner = createScanner(text.slice(offset), false);
  let kind = scanner.scan();
  while (SKIPPED.has(kind)) kind = scanner.scan();
  return { kind, offset: offset + scanner.getTokenOffset(), length: scanner.getTokenLength() };
}

/** The comma right after a node, if any. */
function commaAfter(text: string, node: Node): { offset: number } | undefined {
  const token = nextToken(text, node.offset + node.length);
  return token.kind === COMMA ? token : undefined;
}

/** Where the line holding `offset` ends (its newline), if nothing but spaces and a comment follow. */
function endOfQuietLine(text: string, offset: number): number | undefined {
  const newline = text.indexOf('\n', offset);
  const rest = text.slice(offset, newline < 0 ? text.length : newline);
  return newline >= 0 && /^\s*(?:\/\/.*|\/\*.*?\*\/\s*)?$/.test(rest) ? newline : undefined;
}

/** The indentation of the line holding `offset`. */
function indentOf(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0];
}

/**
 * Appends an item (already JSON text) to an array: on a line of its own after the last item's line
 * (which keeps its comment), with a trailing comma if the last item had one.
 */
export function appendArrayItem(text: string, array: Node, item: string): string {
  const last = array.children?.at(-1);
  if (last === undefined) {
    const indent = `${indentOf(text, array.offset)}  `;
    const open = array.offset + 1;
    return `${text.slice(0, open)}\n${indent}${item}\n${indentOf(text, array.offset)}${text.slice(open).replace(/^\s*/, '')}`;
  }
  const indent = indentOf(text, last.offset);
  const end = last.offset + last.length;
  // An array written on one line gets its item on that line.
  if (!text.slice(array.offset, end).includes('\n')) return `${text.slice(0, end)}, ${item}${text.slice(end)}`;
  const comma = commaAfter(text, last);
  const lineEnd = endOfQuietLine(text, comma ? comma.offset + 1 : end);
  if (lineEnd === undefined) return `${text.slice(0, end)},\n${indent}${item}${text.slice(end)}`;
  const line = `\n${indent}${item}${comma ? ',' : ''}`;
  if (comma) return text.slice(0, lineEnd) + line + text.slice(lineEnd);
  return `${text.slice(0, end)},${text.slice(end, lineEnd)}${line}${text.slice(lineEnd)}`;
}

/**
 * Removes an array item: its whole line(s) with the comment on its last line when it has lines of
 * its own, else just the item and its comma. The last item's removal also removes the comma before
 * it, unless the file writes trailing commas.
 */
export function removeArrayItem(text: string, array: Node, index: number): string {
  const children = array.children ?? [];
  const node = children[index];
  if (node === undefined) return text;
  const end = node.offset + node.length;
  const comma = commaAfter(text, node);
  const previousComma = comma === undefined && index > 0 ? commaAfter(text, children[index - 1]!) : undefined;
  const cut = (from: number, to: number, source = text) => source.slice(0, from) + source.slice(to);
  const lineStart = text.lastIndexOf('\n', node.offset - 1) + 1;
  const lineEnd = endOfQuietLine(text, comma ? comma.offset + 1 : end);
  if (/^[ \t]*$/.test(text.slice(lineStart, node.offset)) && lineEnd !== undefined) {
    const edited = cut(lineStart, lineEnd + 1);
    return previousComma ? cut(previousComma.offset, previousComma.offset + 1, edited) : edited;
  }
  if (comma) return cut(node.offset, comma.offset + 1 + /^[ \t]*/.exec(text.slice(comma.offset + 1))![0].length);
  return cut(previousComma?.offset ?? node.offset, end);
}
