import type { Context } from '../context.ts';
import type { CommandArgs } from './index.ts';
import { CommandError } from './errors.ts';
import { describeImport, importFiles } from './import.ts';
import { readDayOption } from './options.ts';

export async function runImport(context: Context, { values, positionals, io }: CommandArgs): Promise<number> {
  if (positionals.length === 0) throw new CommandError('import: name at least one file');
  const announced = readDayOption(values.announced, '--announced');
  await importFiles(context, positionals, { announced }, (file, result) => io.stdout(`${describeImport(file, result)}\n`));
  return 0;
}
