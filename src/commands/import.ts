// `import <file>...`: ingest local files of any of the three arXiv formats, one transaction each.
import { readFileSync, statSync } from 'node:fs';
import type { Context } from '../context.ts';
import { parseFeed } from '../fetcher/parse.ts';
import { ingestFeed, type IngestResult } from '../store/ingest.ts';
import { formatCounts } from './format.ts';
import { CommandError } from './errors.ts';

export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export interface ImportOptions {
  /** Announcement day for API/OAI files, which carry none. */
  announced?: string;
}

export function importFile(context: Context, file: string, options: ImportOptions): IngestResult {
  const xml = readXmlFile(file);
  const feed = parseFeed(xml, file);
  return ingestFeed(context.db, feed, {
    source: feed.format === 'rss' || feed.format === 'rdf' ? 'rss' : feed.format === 'atom' ? 'api' : 'oai',
    day: options.announced ?? feed.announcedOn,
    categories: context.config.categories,
    flag: context.flag,
    now: context.now().toISOString(),
  });
}

function readXmlFile(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new CommandError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (size > MAX_IMPORT_BYTES) throw new CommandError(`${file}: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  return readFileSync(file, 'utf8');
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
