// Parses files on a worker thread, one file ahead of the caller, and hands over each file's
// papers in batches, in the order of `files`. The caller's handlers run synchronously per
// message, so a file is stored while the next one is parsed, and a parse failure arrives
// before any paper of that file.
import { Worker } from 'node:worker_threads';
import { FeedError } from './errors.ts';
import type { FeedHead, ParseMessage, ParseRequest } from './parse-worker.ts';
import type { PaperRecord, SkippedItem } from '../types.ts';

export type { FeedHead };

export interface FeedHandler {
  /** A file parsed; its papers follow. */
  begin(file: string, head: FeedHead): void;
  papers(papers: readonly PaperRecord[]): void;
  /** All papers of the file handed over; `skipped` lists the items left out. */
  end(file: string, skipped: readonly SkippedItem[]): void;
}

// The worker's heap holds one file's text (up to twice MAX_FILE_BYTES as a JS string, and the bytes
// while they are decoded) and a few batches; the cap stops a runaway well before the machine does.
const WORKER_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 32 };

/** Resolves when every file is handed over; rejects at the first failure (a handler's included), naming the file. */
export function streamParsedFiles(files: readonly string[], handler: FeedHandler): Promise<void> {
  if (files.length === 0) return Promise.resolve();
  const worker = new Worker(new URL('./parse-worker-entry.mjs', import.meta.url), { resourceLimits: WORKER_LIMITS });
  const send = (request: ParseRequest) => worker.postMessage(request);
  let requested = 0;
  let parsing = files[0]!;
  const requestNext = () => {
    if (requested < files.length) send({ kind: 'file', file: files[requested++]! });
  };
  const done = new Promise<void>((resolve, reject) => {
    let finished = 0;
    let failed = false;
    const fail = (error: unknown) => {
      failed = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    // The worker dies of memory exhaustion (or a bug) without a word about its file: name it here.
    worker.on('error', (error) => fail(new FeedError(parsing, `the parser stopped: ${error.message}`)));
    worker.on('message', (message: ParseMessage) => {
      if (failed) return; // messages already queued when the import stopped
      try {
        if (message.kind === 'start') parsing = message.file;
        else if (message.kind === 'error') throw toFeedError(message.file, message.message);
        else if (message.kind === 'head') {
          requestNext(); // the worker parses the next file while this one is stored
          handler.begin(message.file, message.head);
        } else if (message.kind === 'papers') {
          handler.papers(message.papers);
          send({ kind: 'ack' });
        } else {
          handler.end(message.file, message.skipped);
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
