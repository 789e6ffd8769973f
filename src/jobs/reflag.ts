// Re-flagging: the one owner of "the stored starred flags agree with config/authors.json".
// - Every ingest re-reads the file first (currentStarred) and flags with what it says; stored flags
//   from another version of the file are redone in the same transaction (store/write/starred.ts),
//   so a process holding an old list can never store flags that disagree with the file.
// - `serve` re-flags at start and whenever the file changes (watchStarredAuthors), so a hand edit
//   shows without a restart; a star from the page re-flags at once, on serve's scheduler thread; the
//   commands that show flags (digest, authors, send) and `arxiv-curator reflag` call
//   syncStarredFlags first. Opening a context never does.
import { unwatchFile, watchFile } from 'node:fs';
import type { Context } from '../app/context.ts';
import { AuthorsConfigError } from '../curate/authors-config.ts';
import type { StarredList } from '../curate/starred-list.ts';
import { AUTHORS_HASH_KEY, getMeta } from '../store/read/meta.ts';
import { alignFlags } from '../store/write/starred.ts';
import { writeNow, writeSoon } from '../app/write.ts';

/**
 * The starred authors to flag with now: the file as it is. A file broken by an edit in progress
 * keeps the last good list, with a warning, so a running server goes on.
 */
export function currentStarred(context: Context): StarredList {
  try {
    return context.starred.reload();
  } catch (error) {
    if (!(error instanceof AuthorsConfigError)) throw error;
    context.log.warn('authors.invalid', { error: error.message, using: 'the last valid list' });
    return context.starred.current();
  }
}

/** The list to flag with when the stored flags come from another one; undefined when they agree. */
function staleList(context: Context): StarredList | undefined {
  const list = currentStarred(context);
  // Agreeing flags are the usual case: a read, so showing a digest never queues behind another writer.
  return getMeta(context.db, AUTHORS_HASH_KEY) === list.hash ? undefined : list;
}

/** Whether the stored flags come from config/authors.json as it is now. */
export function areFlagsCurrent(context: Context): boolean {
  return staleList(context) === undefined;
}

type Reflagged = { reflagged: number } | undefined;

function logReflag(context: Context, list: StarredList, result: Reflagged): Reflagged {
  if (result) context.log.info('authors.reflagged', { papers: result.reflagged, authors: list.authors.length });
  return result;
}

/** Re-flags every stored paper when the file's content differs from the list the flags came from. */
export function syncStarredFlags(context: Context): Reflagged {
  const list = staleList(context);
  return (
    list &&
    logReflag(
      context,
      list,
      writeNow(context, () => alignFlags(context.db, list)),
    )
  );
}

/**
 * The same without blocking the event loop while another writer holds the lock (a star; in serve
 * it runs on the scheduler thread, where re-flagging 100,000 papers holds up no request).
 */
export async function syncStarredFlagsSoon(context: Context): Promise<Reflagged> {
  const list = staleList(context);
  return list && logReflag(context, list, await writeSoon(context, () => alignFlags(context.db, list)));
}

/**
 * Calls syncStarredFlags (or `action`: the web thread of `serve` only re-reads the list, its
 * scheduler thread re-flags) whenever config/authors.json changes. Polling the file's stat (rather
 * than fs.watch) also sees editors that save by writing a new file and renaming it over the old.
 */
export function watchStarredAuthors(
  context: Context,
  intervalMs = 1000,
  action: () => unknown = () => syncStarredFlags(context),
): { stop(): void } {
  const path = context.config.authorsPath;
  const onChange = () => {
    try {
      action();
    } catch (error) {
      context.log.error('authors.reflag_failed', { error: (error as Error).message });
    }
  };
  watchFile(path, { interval: intervalMs, persistent: false }, onChange);
  return { stop: () => unwatchFile(path, onChange) };
}
