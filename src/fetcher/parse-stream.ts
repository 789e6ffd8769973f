// Parses files on a worker thread, one file ahead of the caller, and hands over each file's
// papers in chunks, in the order of `files`. The caller's handlers run synchronously per
// message, so a file is stored while the next one is parsed, and a parse failure arrives
// before any paper of that file.
import { Worker } from 'node:worker_threads';
import { FeedError } from './errors.ts';
import type { FeedHead, ParseMessage } from './parse-worker.ts';
import type { PaperRecord } from '../types.ts';

export type { FeedHead };

export interface FeedHandler {
  /** A file parsed; its papers follow. */
  begin(file: string, head: FeedHead): void;
  papers(papers: readonly PaperRecord[]): void;
  /** All papers of the file handed over. */
  end(file: string): void;
}

// The worker's heap is capped so that an import of many files stays well under 300 MB (the bench
// measures it). The cap holds fast-xml-parser's tree of a file up to WORKER_MAX_FILE_BYTES; the
// caller parses bigger files itself.
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };
export const WORKER_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Resolves when every file is handed over; rejects at the first failure (a handler's included). */
export function streamParsedFiles(files: readonly string[], handler: FeedHandler): Promise<void> {
  if (files.length === 0) return Promise.resolve();
  const worker = new Worker(new URL('./parse-worker-entry.mjs', import.meta.url), { resourceLimits: WORKER_LIMITS });
  let requested = 0;
  const requestNext = () => {
    if (requested < files.length) worker.postMessage(files[requested++]);
  };
  const done = new Promise<void>((resolve, reject) => {
    let finished = 0;
    let failed = false;
    const fail = (error: unknown) => {
      failed = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    worker.on('error', fail);
    worker.on('message', (message: ParseMessage) => {
      if (failed) return; // messages already queued when the import stopped
      try {
        if (message.kind === 'error') throw toFeedError(message.file, message.message);
        if (message.kind === 'head') {
          requestNext(); // the worker parses the next file while this one is stored
          handler.begin(message.file, message.head);
        } else if (message.kind === 'papers') {
          handler.papers(message.papers);
        } else {
          handler.end(message.file);
          if (++finished === files.length) resolve();
        }
      } catch (error) {
        fail(error);
      }
    });
  });
  requestNext();
  return done.finally(() => worker.terminate());
}

/** The worker sends the message of a FeedError (`<file>: <reason>`); rebuild the error. */
function toFeedError(file: string, message: string): FeedError {
  const prefix = `${file}: `;
  return new FeedError(file, message.startsWith(prefix) ? message.slice(prefix.length) : message);
}
