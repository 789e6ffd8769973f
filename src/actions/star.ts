// Starring an author from the page (or `POST /papers/<id>/star`): config/authors.json gains or
// loses an entry, the rest of it as the reader wrote it (comments, trailing commas, blank lines:
// curate/jsonc-edit.ts), written through its symlink with its mode, atomically, and refused if the
// file changed between our read and our write (curate/config-write.ts). The entry is one line like
// the hand-written ones. The stored papers are re-flagged at once (jobs/reflag.ts), no restart.
import type { Context } from '../app/context.ts';
import { AuthorsConfigError, readAuthorsText } from '../curate/authors-config.ts';
import { ConfigWriteError, readForEdit, writeEdited, type ConfigSnapshot } from '../curate/config-write.ts';
import { appendArrayItem, findArray, removeArrayItem } from '../curate/jsonc-edit.ts';
import { slugify, uniqueSlug } from '../text/slug.ts';
import { buildStarredList, type StarredList } from '../curate/starred-list.ts';
import { syncStarredFlagsSoon } from '../jobs/reflag.ts';
import { getPaperAuthors } from '../store/read/papers.ts';
import { countStarredPapers } from '../store/read/starred.ts';
import { texToPlain } from '../text/tex.ts';
import type { StarResult } from '../types.ts';
import { ActionError } from './errors.ts';
import { readPaperIds } from './marks.ts';

/** `{ "id": "ada-lovelace", "name": "Ada Lovelace" }`, as the shipped file writes an entry. */
function formatEntry(entry: Record<string, string>): string {
  return `{ ${Object.entries(entry)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(', ')} }`;
}

/** The file as it is now, with the list it says; a file broken by a hand edit is reported, not written over. */
function openAuthors(context: Context): { snapshot: ConfigSnapshot; list: StarredList } {
  const path = context.config.authorsPath;
  let snapshot: ConfigSnapshot;
  try {
    snapshot = readForEdit(path);
  } catch (error) {
    throw new ActionError(500, `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const { authors, hash } = readAuthorsText(path, snapshot.text);
    return { snapshot, list: buildStarredList(authors, hash) };
  } catch (error) {
    if (error instanceof AuthorsConfigError) throw new ActionError(409, `fix the authors file first: ${error.message}`);
    throw error;
  }
}

/** Checks the new text as the server will read it, then writes it unless the file changed meanwhile. */
function saveAuthors(context: Context, snapshot: ConfigSnapshot, edit: (text: string) => string): void {
  const array = findArray(snapshot.text, ['authors']);
  if (array === undefined) throw new ActionError(409, `${snapshot.path} has no "authors" list to change`);
  const text = edit(snapshot.text);
  try {
    readAuthorsText(snapshot.path, text);
    writeEdited(snapshot, text, () => context.beforeConfigCheck?.(snapshot.path));
  } catch (error) {
    if (error instanceof AuthorsConfigError) throw new ActionError(400, error.message);
    if (error instanceof ConfigWriteError) throw new ActionError(error.reason === 'changed' ? 409 : 500, error.message);
    throw error;
  }
}

function slugOf(name: string, taken: ReadonlySet<string>): string {
  return uniqueSlug(slugify(name, 60, 'author'), taken);
}

async function finish(context: Context, result: Omit<StarResult, 'reflagged' | 'papers'>): Promise<StarResult> {
  const before = result.starred ? 0 : (countStarredPapers(context.db).get(result.authorId) ?? 0);
  const synced = await syncStarredFlagsSoon(context);
  const papers = result.starred ? (countStarredPapers(context.db).get(result.authorId) ?? 0) : before;
  return { ...result, reflagged: synced?.reflagged ?? 0, papers };
}

/** Stars a name as written on a paper (TeX decoded); a name already starred is refused. */
export function starAuthor(context: Context, written: string): Promise<StarResult> {
  return starWith(context, openAuthors(context), written);
}

function starWith(context: Context, opened: ReturnType<typeof openAuthors>, written: string): Promise<StarResult> {
  const name = texToPlain(written).replace(/\s+/g, ' ').trim();
  const { snapshot, list } = opened;
  const already = list.flag([written])[0];
  if (already !== undefined) throw new ActionError(409, `"${name}" is already starred, as ${already.name}`);
  const authorId = slugOf(name, new Set(list.authors.map((author) => author.id)));
  const entry = formatEntry({ id: authorId, name });
  saveAuthors(context, snapshot, (text) => appendArrayItem(text, findArray(text, ['authors'])!, entry));
  return finish(context, { authorId, name, starred: true });
}

/** Removes a starred author's entry (with its variants). */
export function unstarAuthor(context: Context, authorId: string): Promise<StarResult> {
  return unstarWith(context, openAuthors(context), authorId);
}

function unstarWith(context: Context, opened: ReturnType<typeof openAuthors>, authorId: string): Promise<StarResult> {
  const { snapshot, list } = opened;
  const index = list.authors.findIndex((author) => author.id === authorId);
  if (index < 0) throw new ActionError(404, `no starred author has the id "${authorId.slice(0, 80)}"`);
  saveAuthors(context, snapshot, (text) => removeArrayItem(text, findArray(text, ['authors'])!, index));
  return finish(context, { authorId, name: list.authors[index]!.name, starred: false });
}

/**
 * The page's star of a stored paper's author: in serve, done on the scheduler thread (the file's
 * edit and the re-flag are disk and seconds of work, and this thread answers everyone); where that
 * thread is missing or failed, here.
 */
export async function starFromPage(context: Context, paperId: string, index: number): Promise<StarResult> {
  if (context.background !== undefined) {
    try {
      return await context.background.star(paperId, index);
    } catch (error) {
      if (error instanceof ActionError) throw error;
      context.log.warn('authors.star_here', { reason: (error as Error).message });
    }
  }
  const [id] = readPaperIds(context, [paperId]);
  return toggleStar(context, getPaperAuthors(context.db, id!)!, index);
}

/** The page's toggle: the paper's author at `index` is starred if not yet, else unstarred. */
export function toggleStar(context: Context, authors: readonly string[], index: number): Promise<StarResult> {
  const written = authors[index];
  if (written === undefined) throw new ActionError(400, `the paper has no author number ${index + 1}`);
  const opened = openAuthors(context);
  const match = opened.list.flag([written])[0];
  return match === undefined ? starWith(context, opened, written) : unstarWith(context, opened, match.authorId);
}
