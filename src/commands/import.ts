// `import <file>...`: ingest local files of any of the three arXiv formats, one transaction each.
import type { Context } from '../context.ts';
import { parseFilesAhead } from '../fetcher/parse-ahead.ts';
import { ingestFeed, type IngestResult } from '../store/ingest.ts';
import type { ParsedFeed } from '../types.ts';
import { CommandError } from './errors.ts';
import { formatCounts } from './format.ts';

export interface ImportOptions {
  /** Announcement day for API/OAI files, which carry none. */
  announced?: string;
}

/** Imports the files in order; the first bad file stops the run (the ones before it are stored). */
export async function importFiles(
  context: Context,
  files: readonly string[],
  options: ImportOptions,
  onFile: (file: string, result: IngestResult) => void,
): Promise<void> {
  for await (const { file, feed } of parseFilesAhead(files)) onFile(file, storeFeed(context, file, feed, options));
}

function storeFeed(context: Context, file: string, feed: ParsedFeed, options: ImportOptions): IngestResult {
  // An RSS feed names its own day; --announced is for API and OAI files, which name none.
  if (options.announced !== undefined && feed.announcedOn !== undefined && options.announced !== feed.announcedOn) {
    throw new CommandError(`${file}: the feed is of ${feed.announcedOn}, not --announced ${options.announced} (that option is for API and OAI files)`);
  }
  return ingestFeed(context.db, feed, {
    source: feed.format === 'rss' || feed.format === 'rdf' ? 'rss' : feed.format === 'atom' ? 'api' : 'oai',
    day: options.announced ?? feed.announcedOn,
    categories: context.config.categories,
    flag: context.flag,
    now: context.now().toISOString(),
  });
}

export function describeImport(file: string, result: IngestResult): string {
  const stored = `${plural(result.papers, 'paper')} (${result.inserted} new to the store, ${result.updated} updated, ${result.unchanged} unchanged)`;
  if (result.day === undefined) return `${file}: ${stored}, not announced (use --announced YYYY-MM-DD to file them under a day)`;
  if (result.papers === 0) return `${file}: ${result.day}: no announcement (empty feed)`;
  return `${file}: ${result.day}: ${stored}; ${formatCounts(result.byType)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
