// Parses files on a worker thread (fetcher/parse-worker.ts), one file ahead of the caller, and
// hands over each file's papers in batches, in the order of `files`. The caller's handlers run
// synchronously per message, so a file is stored while the next one is parsed, and a parse
// failure arrives before any paper of that file. The thread is supervised (app/worker-thread.ts):
// if it dies, the file in hand is dropped (abort) and parsed again from its start on a new thread,
// once; a file that kills the parser twice, or exhausts its memory, fails naming the file.
import type { Worker } from 'node:worker_threads';
import type { Backoff } from '../app/backoff.ts';
import { silentLogger, type Logger } from '../app/log.ts';
import { superviseWorker } from '../app/worker-thread.ts';
import { FeedError } from '../fetcher/errors.ts';
import type { FeedHead, ParseMessage, ParseRequest } from '../fetcher/parse-worker.ts';
import type { PaperRecord, SkippedItem } from '../types.ts';

export type { FeedHead };

export interface FeedHandler {
  /** A file parsed; its papers follow. */
  begin(file: string, head: FeedHead): void;
  papers(papers: readonly PaperRecord[]): void;
  /** All papers of the file handed over; `skipped` lists the items left out. */
  end(file: string, skipped: readonly SkippedItem[]): void;
  /** The parser died in the middle of `file`: forget what it handed over; the file starts again with begin(). */
  abort(file: string): void;
}

export interface ParseThreadOptions {
  log?: Logger;
  /** Before a new thread takes over from one that died (default: 0.2 s, then doubling to 5 s). */
  backoff?: Backoff;
  /** Each thread started (tests). */
  onThread?: (thread: Worker) => void;
}

// The worker's heap holds one file's text (up to twice MAX_FILE_BYTES as a JS string, and the bytes
// while they are decoded) and a few batches; the cap stops a runaway well before the machine does.
const WORKER_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 32 };
const PARSE_BACKOFF: Backoff = { firstMs: 200, capMs: 5_000 };

/** Resolves when every file is handed over; rejects at the first failure (a handler's included), naming the file. */
export function streamParsedFiles(
  files: readonly string[],
  handler: FeedHandler,
  options: ParseThreadOptions = {},
): Promise<void> {
  if (files.length === 0) return Promise.resolve();
  let requested = 0;
  let finished = 0;
  /** The file (its index) already parsed again once after its parser died. */
  let retried = -1;
  let failed = false;
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const done = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)));
  const fail = (error: unknown) => {
    failed = true;
    reject(error instanceof Error ? error : new Error(String(error)));
  };
  const onMessage = (thread: Worker, message: ParseMessage) => {
    if (failed) return; // messages already queued when the import stopped
    try {
      if (message.kind === 'error') throw toFeedError(message.file, message.message);
      if (message.kind === 'head') {
        if (requested < files.length)
          thread.postMessage({ kind: 'file', file: files[requested++]! } satisfies ParseRequest);
        handler.begin(message.file, message.head);
      } else if (message.kind === 'papers') {
        handler.papers(message.papers);
        thread.postMessage({ kind: 'ack' } satisfies ParseRequest);
      } else if (message.kind === 'end') {
        handler.end(message.file, message.skipped);
        if (++finished === files.length) resolve();
      }
    } catch (error) {
      fail(error);
    }
  };
  const supervised = superviseWorker({
    name: 'parse',
    body: new URL('../fetcher/parse-worker.ts', import.meta.url),
    worker: { resourceLimits: WORKER_LIMITS },
    log: options.log ?? silentLogger,
    backoff: options.backoff ?? PARSE_BACKOFF,
    onStart: (thread) => {
      options.onThread?.(thread);
      thread.on('message', (message: ParseMessage) => onMessage(thread, message));
      // The first file not handed over whole, and the one after it (the thread parses one ahead).
      requested = finished;
      thread.postMessage({ kind: 'file', file: files[requested++]! } satisfies ParseRequest);
    },
    // Memory exhaustion (or a bug) ends the thread without a word about its file: name it here.
    onFailure: (error) => {
      if (failed) return;
      const file = files[finished]!;
      const again = retried !== finished && (error as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY';
      if (!again) return fail(new FeedError(file, `the parser stopped: ${error.message}`));
      retried = finished;
      try {
        handler.abort(file);
      } catch (abortError) {
        fail(abortError);
      }
    },
  });
  return done.finally(() => supervised.stop());
}

/** The worker sends the message of a FeedError (`<file>: <reason>`); rebuild the error. */
function toFeedError(file: string, message: string): FeedError {
  const prefix = `${file}: `;
  return new FeedError(file, message.startsWith(prefix) ? message.slice(prefix.length) : message);
}
