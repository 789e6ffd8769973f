// `import <file>... [--announced D]`: local files of any of arXiv's formats, one transaction each.
import { importFiles } from '../jobs/import-files.ts';
import type { IngestResult } from '../store/write/ingest.ts';
import type { SkippedItem } from '../types.ts';
import { CommandError } from './errors.ts';
import { formatCounts } from './format.ts';
import { readDayOption } from './options.ts';
import type { CommandArgs, Io } from './types.ts';

/** Warnings printed per file; the count says how many more were left out. */
const SHOWN_SKIPPED = 10;

export async function runImport({ values, positionals, io, open }: CommandArgs): Promise<number> {
  if (positionals.length === 0) throw new CommandError('import: name at least one file');
  const announced = readDayOption(values.announced, '--announced');
  // Beside a running serve, its web thread goes first; alone, the import runs as fast (its parse thread inherits this).
  io.background?.();
  const report = (file: string, result: IngestResult, skipped: readonly SkippedItem[]) => {
    io.stdout(`${describeImport(file, result, skipped.length)}\n`);
    warnSkipped(io, file, skipped);
  };
  await importFiles(open(), positionals, { announced }, report);
  return 0;
}

export function describeImport(file: string, result: IngestResult, skipped = 0): string {
  const changes = `${result.inserted} new to the store, ${result.updated} updated, ${result.unchanged} unchanged`;
  const left = skipped > 0 ? `; ${plural(skipped, 'invalid item')} left out (see the warnings)` : '';
  const stored = `${plural(result.papers, 'paper')} (${changes})`;
  if (result.day === undefined) {
    return `${file}: ${stored}, not announced (use --announced YYYY-MM-DD to file them under a day)${left}`;
  }
  if (result.papers === 0) return `${file}: ${result.day}: no announcement (empty feed)${left}`;
  return `${file}: ${result.day}: ${stored}; ${formatCounts(result.byType)}${left}`;
}

/** One warning line per item left out (the first few), naming the file and the item. */
export function warnSkipped(io: Io, source: string, skipped: readonly SkippedItem[]): void {
  for (const { item, reason } of skipped.slice(0, SHOWN_SKIPPED))
    io.stderr(`arxiv-curator: warning: ${source}: ${item}: ${reason}; left out\n`);
  if (skipped.length > SHOWN_SKIPPED)
    io.stderr(`arxiv-curator: warning: ${source}: ${skipped.length - SHOWN_SKIPPED} more invalid items left out\n`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
