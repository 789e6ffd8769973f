// Parses files one step ahead of the caller on a worker thread: while the caller stores file N,
// the worker parses file N+1. Results come back in the order of `files`.
import { Worker } from 'node:worker_threads';
import { FeedError } from './errors.ts';
import { readFeedFile } from './files.ts';
import type { ParseReply } from './parse-worker.ts';
import type { ParsedFeed } from '../types.ts';

const AHEAD = 2;

export async function* parseFilesAhead(files: readonly string[]): AsyncGenerator<{ file: string; feed: ParsedFeed }> {
  if (files.length < 2) {
    for (const file of files) yield { file, feed: readFeedFile(file) };
    return;
  }
  const worker = new Worker(new URL('./parse-worker-entry.mjs', import.meta.url));
  const pending = new Map<number, { resolve: (reply: ParseReply) => void; reject: (error: Error) => void }>();
  const replies: Promise<ParseReply>[] = [];
  worker.on('message', (reply: ParseReply) => pending.get(reply.id)?.resolve(reply));
  worker.on('error', (error) => pending.forEach((waiter) => waiter.reject(error)));
  const request = (id: number) => {
    replies[id] = new Promise<ParseReply>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage({ id, file: files[id] });
  };
  try {
    for (let id = 0; id < Math.min(AHEAD, files.length); id++) request(id);
    for (let id = 0; id < files.length; id++) {
      const reply = await replies[id]!;
      pending.delete(id);
      if (id + AHEAD < files.length) request(id + AHEAD);
      if ('error' in reply) throw toFeedError(files[id]!, reply.error);
      yield { file: files[id]!, feed: reply.feed };
    }
  } finally {
    await worker.terminate();
  }
}

/** The worker sends the message of a FeedError (`<file>: <reason>`); rebuild the error. */
function toFeedError(file: string, message: string): FeedError {
  const prefix = `${file}: `;
  return new FeedError(file, message.startsWith(prefix) ? message.slice(prefix.length) : message);
}
