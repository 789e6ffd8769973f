// Worker thread body: reads and parses feed files one after another and streams each one's papers
// back in batches while the main thread stores them. At most WINDOW batches are in flight: the
// main thread acknowledges each batch it has stored, so neither thread's memory grows with the
// file (a batch's parsed tree and papers die young; the text of one file is the largest thing held).
import { parentPort } from 'node:worker_threads';
import { readFeedFile } from './files.ts';
import { parseFeedStream, type FeedHead } from './parse.ts';
import type { PaperRecord, SkippedItem } from '../types.ts';

export type { FeedHead };

/** From the main thread: a file to parse next, or "one more batch stored". */
export type ParseRequest = { kind: 'file'; file: string } | { kind: 'ack' };

export type ParseMessage =
  | { kind: 'start'; file: string }
  | { kind: 'head'; file: string; head: FeedHead }
  | { kind: 'papers'; papers: PaperRecord[] }
  | { kind: 'end'; file: string; skipped: SkippedItem[] }
  | { kind: 'error'; file: string; message: string };

// 800 papers ahead of the store: the parse goes on while the store commits a file.
export const WINDOW = 16;

interface Current {
  file: string;
  skipped: SkippedItem[];
  batches: Generator<PaperRecord[]>;
}

const queue: string[] = [];
let credits = WINDOW;
let current: Current | undefined;

parentPort?.on('message', (request: ParseRequest) => {
  if (request.kind === 'file') queue.push(request.file);
  else credits += 1;
  pump();
});

function pump(): void {
  for (;;) {
    if (current === undefined) {
      const file = queue.shift();
      if (file === undefined) return;
      current = open(file);
      continue;
    }
    if (credits === 0) return;
    const { file, skipped, batches } = current;
    try {
      const next = batches.next();
      if (next.done) {
        post({ kind: 'end', file, skipped });
        current = undefined;
      } else {
        credits -= 1;
        post({ kind: 'papers', papers: next.value });
      }
    } catch (error) {
      fail(file, error);
      current = undefined;
    }
  }
}

function open(file: string): Current | undefined {
  post({ kind: 'start', file });
  try {
    const stream = parseFeedStream(readFeedFile(file), file);
    post({ kind: 'head', file, head: stream.head });
    return { file, skipped: stream.skipped, batches: stream.chunks() };
  } catch (error) {
    fail(file, error);
    return undefined;
  }
}

function fail(file: string, error: unknown): void {
  post({ kind: 'error', file, message: error instanceof Error ? error.message : String(error) });
}

function post(message: ParseMessage): void {
  parentPort!.postMessage(message);
}
