// The hand-edited configuration files `serve` reads as they change, and what is wrong with them:
// a broken edit is shown on every page (a banner naming the file, the line and the problem) and in
// /healthz until it is fixed. config/authors.json keeps its last good list (app/context.ts); the
// others are read again at each round, so a broken one is reported here before the round meets it.
import { unwatchFile, watchFile } from 'node:fs';
import { ConfigFileError } from '../curate/json-file.ts';
import type { ConfigProblemView } from '../views/types.ts';
import type { Context } from './context.ts';

/** A ConfigFileError as the page and /healthz name it. */
export function toProblemView(error: ConfigFileError): ConfigProblemView {
  const place = error.place;
  if (place === undefined) return { file: '', problem: error.message };
  return { file: place.file, ...(place.line !== undefined && { line: place.line }), problem: place.problem };
}

/** The problems of the starred authors' file (as last read) and of the other files watched here. */
export interface ConfigWatch {
  problems: () => readonly ConfigProblemView[];
  stop: () => void;
}

/**
 * The problems of config/authors.json and of `others` (the watched files'), as one list that stays
 * the same array while nothing changed: pages read it on every request (it is part of their version).
 */
export function listConfigProblems(
  context: Context,
  others: () => readonly ConfigProblemView[] = () => [],
): () => readonly ConfigProblemView[] {
  let last: { error: ConfigFileError | undefined; others: readonly ConfigProblemView[]; all: ConfigProblemView[] } = {
    error: undefined,
    others: [],
    all: [],
  };
  return () => {
    const error = context.starred.problem();
    const rest = others();
    if (error !== last.error || rest !== last.others)
      last = { error, others: rest, all: [...(error ? [toProblemView(error)] : []), ...rest] };
    return last.all;
  };
}

/** Checks each file now and whenever it changes (polling its stat, like watchStarredAuthors). */
export function watchConfigFiles(
  context: Context,
  files: readonly { path: string; check: (path: string) => unknown }[],
  intervalMs = 1000,
): ConfigWatch {
  const found = new Map<string, ConfigProblemView>();
  let others: readonly ConfigProblemView[] = [];
  const check = (path: string, run: (path: string) => unknown) => {
    try {
      run(path);
      found.delete(path);
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      found.set(path, toProblemView(error));
      context.log.warn('config.invalid', { error: error.message });
    }
    others = [...found.values()];
  };
  for (const file of files) {
    check(file.path, file.check);
    watchFile(file.path, { interval: intervalMs, persistent: false }, () => check(file.path, file.check));
  }
  return {
    problems: listConfigProblems(context, () => others),
    stop: () => {
      for (const file of files) unwatchFile(file.path);
    },
  };
}
