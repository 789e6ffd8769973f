// `import <file>... [--announced D]`: local files of any of arXiv's formats, one transaction each.
import { importFiles } from '../jobs/import-files.ts';
import type { IngestResult } from '../store/write/ingest.ts';
import { CommandError } from './errors.ts';
import { formatCounts } from './format.ts';
import { readDayOption } from './options.ts';
import type { CommandArgs } from './types.ts';

export async function runImport({ values, positionals, io, open }: CommandArgs): Promise<number> {
  if (positionals.length === 0) throw new CommandError('import: name at least one file');
  const announced = readDayOption(values.announced, '--announced');
  const report = (file: string, result: IngestResult) => io.stdout(`${describeImport(file, result)}\n`);
  await importFiles(open(), positionals, { announced }, report);
  return 0;
}

export function describeImport(file: string, result: IngestResult): string {
  const changes = `${result.inserted} new to the store, ${result.updated} updated, ${result.unchanged} unchanged`;
  const stored = `${plural(result.papers, 'paper')} (${changes})`;
  if (result.day === undefined) {
    return `${file}: ${stored}, not announced (use --announced YYYY-MM-DD to file them under a day)`;
  }
  if (result.papers === 0) return `${file}: ${result.day}: no announcement (empty feed)`;
  return `${file}: ${result.day}: ${stored}; ${formatCounts(result.byType)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
