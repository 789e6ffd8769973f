// `authors`: the starred authors with paper counts; `authors check "<name>"`: the verdict and the rule.
import { loadStarredList } from '../curate/starred-list.ts';
import { syncStarredFlags } from '../jobs/reflag.ts';
import { countStarredPapers } from '../store/read/starred.ts';
import { CommandError } from './errors.ts';
import type { CommandArgs } from './types.ts';

export function runAuthors(args: CommandArgs): number {
  const [sub, ...names] = args.positionals;
  if (sub === undefined) return listAuthors(args);
  if (sub !== 'check') {
    throw new CommandError(`authors: unknown subcommand "${sub}" (use: authors, or authors check "<name>")`);
  }
  if (names.length !== 1 || names[0]!.trim() === '') {
    throw new CommandError('authors check: give one name in quotes, e.g. authors check "Y. LeCun"');
  }
  // Only the authors file: no database, nothing written.
  const verdict = loadStarredList(args.config.authorsPath).matcher.explain(names[0]!);
  if (verdict.match) {
    const { name, confidence, authorId } = verdict.match;
    args.io.stdout(`match: ${name} (${authorId}), ${confidence}\nrule: ${verdict.rule}\n`);
    return 0;
  }
  args.io.stdout(`no match\nrule: ${verdict.rule}\n`);
  return 1;
}

function listAuthors({ open, io }: CommandArgs): number {
  const context = open();
  syncStarredFlags(context);
  const { authors } = context.starred.current();
  const counts = countStarredPapers(context.db);
  const width = Math.max(...authors.map((author) => author.name.length));
  for (const author of authors) {
    const count = counts.get(author.id) ?? 0;
    io.stdout(`${author.name.padEnd(width)}  ${author.id.padEnd(width)}  ${count} paper${count === 1 ? '' : 's'}\n`);
  }
  return 0;
}
