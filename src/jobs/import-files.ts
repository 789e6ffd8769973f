// Ingesting local files of any of arXiv's formats (`import <file>...`), one transaction each.
import { statSync } from 'node:fs';
import type { Context } from '../app/context.ts';
import { readFeedFile } from '../fetcher/files.ts';
import { streamParsedFiles, WORKER_MAX_FILE_BYTES, type FeedHead } from '../fetcher/parse-stream.ts';
import { ingestFeed, startIngest, type Ingest, type IngestOptions, type IngestResult } from '../store/write/ingest.ts';
import { beginImmediate, releaseNote } from '../store/write/lock.ts';
import { currentStarred } from './reflag.ts';
import { writeNow } from './write.ts';

/** A file that contradicts what the command asked for; the message names the file. */
export class ImportError extends Error {
  override name = 'ImportError';
}

export interface ImportOptions {
  /** Announcement day for API/OAI files, which carry none. */
  announced?: string;
}

type OnFile = (file: string, result: IngestResult) => void;

/** Imports the files in order; the first bad file stops the run (the ones before it are stored). */
export async function importFiles(
  context: Context,
  files: readonly string[],
  options: ImportOptions,
  onFile: OnFile,
): Promise<void> {
  if (files.length === 1 || files.some(isTooBigForWorker)) {
    for (const file of files) {
      const feed = readFeedFile(file);
      const settings = ingestOptions(context, file, feed, options);
      onFile(
        file,
        writeNow(context, () => ingestFeed(context.db, feed, settings)),
      );
    }
    return;
  }
  // Several files: a worker parses the next file while this thread stores the current one, in a
  // transaction held open across the chunks of that file.
  const { db } = context;
  let ingest: Ingest | undefined;
  try {
    await streamParsedFiles(files, {
      begin: (file, head) => {
        const settings = ingestOptions(context, file, head, options);
        beginImmediate(db, context.writeLock);
        ingest = startIngest(db, head.announcedOn, settings);
      },
      papers: (papers) => ingest!.add(papers),
      end: (file) => {
        const result = ingest!.finish();
        db.exec('COMMIT');
        releaseNote(db);
        onFile(file, result);
      },
    });
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    releaseNote(db);
  }
}

function ingestOptions(context: Context, file: string, head: FeedHead, options: ImportOptions): IngestOptions {
  // An RSS feed names its own day; --announced is for API and OAI files, which name none.
  if (options.announced !== undefined && head.announcedOn !== undefined && options.announced !== head.announcedOn) {
    throw new ImportError(
      `${file}: the feed is of ${head.announcedOn}, not --announced ${options.announced} (that option is for API and OAI files)`,
    );
  }
  return {
    source: head.format === 'rss' || head.format === 'rdf' ? 'rss' : head.format === 'atom' ? 'api' : 'oai',
    ...(options.announced !== undefined && { day: options.announced }),
    categories: context.config.categories,
    flags: currentStarred(context),
    now: context.now().toISOString(),
  };
}

function isTooBigForWorker(file: string): boolean {
  try {
    return statSync(file).size > WORKER_MAX_FILE_BYTES;
  } catch {
    return false; // a missing file is reported in order, like any other failure
  }
}
