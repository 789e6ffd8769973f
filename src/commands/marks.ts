// `save <id>... [--undo]`, `hide <id>... [--undo]`: the page's Save and Hide buttons from the shell;
// `marks export [--format json|bibtex]` and `marks import <file>`: the library as a file.
import { ActionError } from '../actions/errors.ts';
import { importLibrary } from '../actions/library.ts';
import { markStoredPapers } from '../actions/marks.ts';
import { FeedError } from '../fetcher/errors.ts';
import { readFeedFile } from '../fetcher/files.ts';
import { renderBibtex } from '../render/bibtex.ts';
import { exportLibrary, listSavedCitations } from '../views/library.ts';
import { CommandError } from './errors.ts';
import { readChoice } from './options.ts';
import type { CommandArgs } from './types.ts';

const plural = (count: number) => `${count} paper${count === 1 ? '' : 's'}`;

/** Runs an action; its refusal becomes the command's one-line failure. */
async function asCommand<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ActionError) throw new CommandError(`${name}: ${error.message}`);
    throw error;
  }
}

async function runMark(
  kind: 'saved' | 'hidden',
  verb: string,
  { values, positionals, open, io }: CommandArgs,
): Promise<number> {
  const undo = values.undo === true;
  const changed = await asCommand(verb, () => markStoredPapers(open(), positionals, { kind, undo }));
  const done = undo ? `un${verb === 'save' ? 'saved' : 'hid'}` : kind;
  io.stdout(
    `${done} ${plural(changed)}${changed < positionals.length ? ` (${positionals.length - changed} already ${undo ? 'were not' : 'were'})` : ''}\n`,
  );
  return 0;
}

export const runSave = (args: CommandArgs): Promise<number> => runMark('saved', 'save', args);
export const runHide = (args: CommandArgs): Promise<number> => runMark('hidden', 'hide', args);

export async function runMarks({ values, positionals, open, io }: CommandArgs): Promise<number> {
  const [action, file, ...extra] = positionals;
  if (action === 'export' && file === undefined) {
    const format = readChoice(values.format, '--format', ['json', 'bibtex'] as const, 'json');
    const context = open();
    if (format === 'json') io.stdout(`${JSON.stringify(exportLibrary(context), null, 2)}\n`);
    else io.stdout(renderBibtex(listSavedCitations(context)));
    return 0;
  }
  if (action === 'import' && file !== undefined && extra.length === 0) {
    // What `import` reads, read the same way: a regular file (a FIFO would hang, /dev/zero grow without
    // end), at most MAX_FILE_BYTES, UTF-8.
    let text: string;
    try {
      text = readFeedFile(file);
    } catch (error) {
      if (error instanceof FeedError) throw new CommandError(`marks import: ${error.message}`);
      throw error;
    }
    const result = await asCommand(`marks import: ${file}`, () => importLibrary(open(), text));
    const unknown = result.unknown.length > 0 ? `; ${plural(result.unknown.length)} not stored here, left out` : '';
    io.stdout(
      `saved ${plural(result.saved)}, hid ${plural(result.hidden)}, added ${result.watches} watches${unknown}\n`,
    );
    return 0;
  }
  throw new CommandError('marks: use "marks export [--format json|bibtex]" or "marks import <file>"');
}
