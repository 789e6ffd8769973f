// Worker thread body: reads and parses feed files, then streams each one's papers back in
// chunks, so the main thread stores them while the worker parses the next file (SQLite has
// one writer; parsing is the other core's work) and no file's papers pile up in its heap.
import { parentPort } from 'node:worker_threads';
import { readFeedFile } from './files.ts';
import type { PaperRecord, ParsedFeed } from '../types.ts';

/** Papers per message: small enough to die young in the main thread's heap. */
const CHUNK = 200;

export type FeedHead = Omit<ParsedFeed, 'papers'>;

export type ParseMessage =
  | { kind: 'head'; file: string; head: FeedHead }
  | { kind: 'papers'; papers: PaperRecord[] }
  | { kind: 'end'; file: string }
  | { kind: 'error'; file: string; message: string };

parentPort?.on('message', (file: string) => {
  let feed: ParsedFeed;
  try {
    feed = readFeedFile(file);
  } catch (error) {
    return post({ kind: 'error', file, message: error instanceof Error ? error.message : String(error) });
  }
  const { papers, ...head } = feed;
  post({ kind: 'head', file, head });
  for (let start = 0; start < papers.length; start += CHUNK)
    post({ kind: 'papers', papers: papers.slice(start, start + CHUNK) });
  post({ kind: 'end', file });
});

function post(message: ParseMessage): void {
  parentPort!.postMessage(message);
}
