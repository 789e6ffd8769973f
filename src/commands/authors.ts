// `authors`: the starred authors with paper counts; `authors check "<name>"`: the verdict and the rule.
import type { Context } from '../context.ts';
import type { CommandArgs } from './index.ts';
import { countStarredPapers } from '../store/starred.ts';
import { CommandError } from './errors.ts';

export async function runAuthors(context: Context, { positionals, io }: CommandArgs): Promise<number> {
  const [sub, ...names] = positionals;
  if (sub === undefined) return listAuthors(context, io.stdout);
  if (sub !== 'check') throw new CommandError(`authors: unknown subcommand "${sub}" (use: authors, or authors check "<name>")`);
  if (names.length !== 1 || names[0]!.trim() === '') throw new CommandError('authors check: give one name in quotes, e.g. authors check "Y. LeCun"');
  const verdict = context.matcher.explain(names[0]!);
  if (verdict.match) {
    const { name, confidence, authorId } = verdict.match;
    io.stdout(`match: ${name} (${authorId}), ${confidence}\nrule: ${verdict.rule}\n`);
    return 0;
  }
  io.stdout(`no match\nrule: ${verdict.rule}\n`);
  return 1;
}

function listAuthors(context: Context, write: (text: string) => void): number {
  const counts = countStarredPapers(context.db);
  const width = Math.max(...context.authors.map((author) => author.name.length));
  for (const author of context.authors) {
    const count = counts.get(author.id) ?? 0;
    write(`${author.name.padEnd(width)}  ${author.id.padEnd(width)}  ${count} paper${count === 1 ? '' : 's'}\n`);
  }
  return 0;
}
