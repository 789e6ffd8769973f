// Starring an author from the page (or `POST /papers/<id>/star`): config/authors.json gains or
// loses an entry, written atomically (a temp file in the same folder, then rename(2), so a reader
// sees the old file or the new one, never half of one) and with its formatting kept: the entry is
// one line like the hand-written ones, located with jsonc-parser rather than re-serialising the
// file. The stored papers are re-flagged at once (jobs/reflag.ts), no restart.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { modify, applyEdits, parseTree, findNodeAtLocation, type Node } from 'jsonc-parser';
import type { Context } from '../app/context.ts';
import { AuthorsConfigError, validateAuthorsConfig } from '../curate/authors-config.ts';
import { foldToAscii } from '../curate/names.ts';
import { syncStarredFlagsSoon } from '../jobs/reflag.ts';
import { countStarredPapers } from '../store/read/starred.ts';
import { texToPlain } from '../text/tex.ts';
import { ActionError } from './errors.ts';

export interface StarResult {
  authorId: string;
  name: string;
  starred: boolean;
  /** Papers flagged after the change (all stored papers are re-flagged). */
  reflagged: number;
  /** Stored papers this author's entry flags: after starring, or before unstarring. */
  papers: number;
}

const FORMAT = { insertSpaces: true, tabSize: 2, eol: '\n' };

function readAuthorsArray(text: string, path: string): Node {
  const array = findNodeAtLocation(parseTree(text) ?? ({} as Node), ['authors']);
  if (array?.type !== 'array' || array.children === undefined)
    throw new ActionError(409, `${path} has no "authors" list to change`);
  return array;
}

/** `{ "id": "ada-lovelace", "name": "Ada Lovelace" }`, as the shipped file writes an entry. */
function formatEntry(entry: Record<string, string>): string {
  return `{ ${Object.entries(entry)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(', ')} }`;
}

function insertEntry(text: string, array: Node, entry: Record<string, string>): string {
  const last = array.children!.at(-1);
  if (last === undefined)
    return applyEdits(text, modify(text, ['authors', 0], entry, { isArrayInsertion: true, formattingOptions: FORMAT }));
  const lineStart = text.lastIndexOf('\n', last.offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const end = last.offset + last.length;
  return `${text.slice(0, end)},\n${indent}${formatEntry(entry)}${text.slice(end)}`;
}

function removeEntry(text: string, array: Node, index: number): string {
  const children = array.children!;
  const node = children[index]!;
  const next = children[index + 1];
  const previous = children[index - 1];
  if (next !== undefined) return text.slice(0, node.offset) + text.slice(next.offset);
  if (previous !== undefined)
    return text.slice(0, previous.offset + previous.length) + text.slice(node.offset + node.length);
  return applyEdits(text, modify(text, ['authors', index], undefined, { formattingOptions: FORMAT }));
}

/** Checks the new text as the server will read it, then replaces the file in one rename. */
function writeAuthorsFile(path: string, text: string): void {
  try {
    validateAuthorsConfig(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof AuthorsConfigError) throw new ActionError(400, error.message);
    throw error;
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

function slugOf(name: string, taken: ReadonlySet<string>): string {
  const base =
    foldToAscii(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'author';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** The list as the file says now; a file broken by a hand edit is reported, not written over. */
function reloadList(context: Context) {
  try {
    return context.starred.reload();
  } catch (error) {
    if (error instanceof AuthorsConfigError) throw new ActionError(409, `fix the authors file first: ${error.message}`);
    throw error;
  }
}

async function finish(context: Context, result: Omit<StarResult, 'reflagged' | 'papers'>): Promise<StarResult> {
  const before = result.starred ? 0 : (countStarredPapers(context.db).get(result.authorId) ?? 0);
  const synced = await syncStarredFlagsSoon(context);
  const papers = result.starred ? (countStarredPapers(context.db).get(result.authorId) ?? 0) : before;
  return { ...result, reflagged: synced?.reflagged ?? 0, papers };
}

/** Stars a name as written on a paper (TeX decoded); a name already starred is refused. */
export function starAuthor(context: Context, written: string): Promise<StarResult> {
  const name = texToPlain(written).replace(/\s+/g, ' ').trim();
  const list = reloadList(context);
  const already = list.flag([written])[0];
  if (already !== undefined) throw new ActionError(409, `"${name}" is already starred, as ${already.name}`);
  const path = context.config.authorsPath;
  const text = readFileSync(path, 'utf8');
  const authorId = slugOf(name, new Set(list.authors.map((author) => author.id)));
  writeAuthorsFile(path, insertEntry(text, readAuthorsArray(text, path), { id: authorId, name }));
  return finish(context, { authorId, name, starred: true });
}

/** Removes a starred author's entry (with its variants). */
export function unstarAuthor(context: Context, authorId: string): Promise<StarResult> {
  const list = reloadList(context);
  const index = list.authors.findIndex((author) => author.id === authorId);
  if (index < 0) throw new ActionError(404, `no starred author has the id "${authorId.slice(0, 80)}"`);
  const path = context.config.authorsPath;
  const text = readFileSync(path, 'utf8');
  writeAuthorsFile(path, removeEntry(text, readAuthorsArray(text, path), index));
  return finish(context, { authorId, name: list.authors[index]!.name, starred: false });
}

/** The page's toggle: the paper's author at `index` is starred if not yet, else unstarred. */
export function toggleStar(context: Context, authors: readonly string[], index: number): Promise<StarResult> {
  const written = authors[index];
  if (written === undefined) throw new ActionError(400, `the paper has no author number ${index + 1}`);
  const match = reloadList(context).flag([written])[0];
  return match === undefined ? starAuthor(context, written) : unstarAuthor(context, match.authorId);
}
