// `watch add "<query>" [--no-mail]`, `watch list`, `watch remove <slug>`: keyword watches from the shell.
import { ActionError } from '../actions/errors.ts';
import { addWatch, removeWatch } from '../actions/watches.ts';
import { listWatches } from '../store/read/watches.ts';
import { CommandError } from './errors.ts';
import type { CommandArgs } from './types.ts';

export async function runWatch({ values, positionals, open, io }: CommandArgs): Promise<number> {
  const [action, argument, ...extra] = positionals;
  try {
    if (action === 'add' && argument !== undefined && extra.length === 0) {
      const slug = await addWatch(open(), argument, { mail: values['no-mail'] !== true });
      io.stdout(`watching "${argument.trim()}" as ${slug} (feed: /watches/${slug}.xml)\n`);
      return 0;
    }
    if (action === 'remove' && argument !== undefined && extra.length === 0) {
      await removeWatch(open(), argument);
      io.stdout(`removed ${argument}\n`);
      return 0;
    }
    if (action === 'list' && argument === undefined) {
      const watches = listWatches(open().db);
      if (watches.length === 0) io.stdout('no watches (add one: arxiv-curator watch add "<query>")\n');
      for (const watch of watches)
        io.stdout(`${watch.slug}\t${watch.query}${watch.mail ? '' : '\t(not in the mail)'}\n`);
      return 0;
    }
  } catch (error) {
    if (error instanceof ActionError) throw new CommandError(`watch ${action}: ${error.message}`);
    throw error;
  }
  throw new CommandError('watch: use "watch add \\"<query>\\"", "watch list" or "watch remove <slug>"');
}
