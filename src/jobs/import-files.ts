// Ingesting local files of any of arXiv's formats (`import <file>...`), one transaction each. A
// file is read a batch of items at a time (fetcher/parse.ts), so memory holds its text and a batch,
// never its whole parsed tree; several files are parsed on a worker thread, one ahead.
import type { Context } from '../app/context.ts';
import { readFeedFile } from '../fetcher/files.ts';
import { parseFeedStream, type FeedHead } from '../fetcher/parse.ts';
import { streamParsedFiles } from './parse-thread.ts';
import { startIngest, type Ingest, type IngestOptions, type IngestResult } from '../store/write/ingest.ts';
import { withBulkCheckpoints } from '../store/write/checkpoints.ts';
import { beginImmediate, releaseNote } from '../store/write/lock.ts';
import type { SkippedItem } from '../types.ts';
import { currentStarred } from './reflag.ts';
import { writeNow } from '../app/write.ts';

/** A file that contradicts what the command asked for; the message names the file. */
export class ImportError extends Error {
  override name = 'ImportError';
}

export interface ImportOptions {
  /** Announcement day for API/OAI files, which carry none. */
  announced?: string;
}

type OnFile = (file: string, result: IngestResult, skipped: readonly SkippedItem[]) => void;

/** Imports the files in order; the first bad file stops the run (the ones before it are stored). */
export async function importFiles(
  context: Context,
  files: readonly string[],
  options: ImportOptions,
  onFile: OnFile,
): Promise<void> {
  if (files.length === 1) return importHere(context, files[0]!, options, onFile);
  // Several files: a worker parses the next file while this thread stores the current one, in a
  // transaction held open across the batches of that file; the log is copied into the database every
  // few files rather than after each (store/write/checkpoints.ts).
  const { db } = context;
  let ingest: Ingest | undefined;
  try {
    await withBulkCheckpoints(db, () =>
      streamParsedFiles(
        files,
        {
          begin: (file, head) => {
            const settings = ingestOptions(context, file, head, options);
            beginImmediate(db, context.writeLock);
            ingest = startIngest(db, head.announcedOn, settings);
          },
          papers: (papers) => ingest!.add(papers),
          end: (file, skipped) => {
            const result = ingest!.finish();
            db.exec('COMMIT');
            releaseNote(db);
            onFile(file, result, skipped);
          },
          // The parser died in this file: nothing of it stays; it is parsed and stored again from its start.
          abort: () => {
            if (db.inTransaction) db.exec('ROLLBACK');
            releaseNote(db);
            ingest = undefined;
          },
        },
        { log: context.log },
      ),
    );
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    releaseNote(db);
  }
}

/** One file on this thread: no worker to start for the common case. */
function importHere(context: Context, file: string, options: ImportOptions, onFile: OnFile): void {
  const stream = parseFeedStream(readFeedFile(file), file);
  const settings = ingestOptions(context, file, stream.head, options);
  const result = writeNow(context, () => {
    const ingest = startIngest(context.db, stream.head.announcedOn, settings);
    for (const papers of stream.chunks()) ingest.add(papers);
    return ingest.finish();
  });
  onFile(file, result, stream.skipped);
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
