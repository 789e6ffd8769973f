// Parses files one step ahead of the caller on a worker thread: while the caller stores file N,
// the worker parses file N+1 (SQLite has one writer; parsing is the other core's work).
// Results come back in the order of `files`.
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { FeedError } from './errors.ts';
import { readFeedFile } from './files.ts';
import type { ParseReply } from './parse-worker.ts';
import type { ParsedFeed } from '../types.ts';

// The worker's heap is capped to keep an import of many files under 300 MB; a file too big for
// that cap is parsed on the main thread instead.
const WORKER_HEAP_MB = 64;
const WORKER_MAX_FILE_BYTES = 16 * 1024 * 1024;

export async function* parseFilesAhead(files: readonly string[]): AsyncGenerator<{ file: string; feed: ParsedFeed }> {
  if (files.length < 2) {
    for (const file of files) yield { file, feed: readFeedFile(file) };
    return;
  }
  const worker = startParseWorker();
  try {
    let next = worker.parse(files[0]!);
    for (let index = 0; index < files.length; index++) {
      const feed = await next;
      if (index + 1 < files.length) next = worker.parse(files[index + 1]!);
      yield { file: files[index]!, feed };
    }
  } finally {
    await worker.close();
  }
}

function startParseWorker() {
  const worker = new Worker(new URL('./parse-worker-entry.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const waiting = new Map<number, { resolve: (reply: ParseReply) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  worker.on('message', (reply: ParseReply) => {
    waiting.get(reply.id)?.resolve(reply);
    waiting.delete(reply.id);
  });
  worker.on('error', (error) => waiting.forEach((waiter) => waiter.reject(error)));
  const parse = (file: string): Promise<ParsedFeed> => {
    if (isTooBigForWorker(file)) return Promise.resolve().then(() => readFeedFile(file));
    const id = nextId++;
    const reply = new Promise<ParseReply>((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.postMessage({ id, file });
    const feed = reply.then((answer) => {
      if ('error' in answer) throw toFeedError(file, answer.error);
      return answer.feed;
    });
    // Awaited once the caller has stored the file before; until then a failure must not count as unhandled.
    feed.catch(() => {});
    return feed;
  };
  return { parse, close: () => worker.terminate() };
}

function isTooBigForWorker(file: string): boolean {
  try {
    return statSync(file).size > WORKER_MAX_FILE_BYTES;
  } catch {
    return false; // the worker reports a missing file like any other
  }
}

/** The worker sends the message of a FeedError (`<file>: <reason>`); rebuild the error. */
function toFeedError(file: string, message: string): FeedError {
  const prefix = `${file}: `;
  return new FeedError(file, message.startsWith(prefix) ? message.slice(prefix.length) : message);
}
