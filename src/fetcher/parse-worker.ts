// Worker thread body: reads and parses feed files so that the main thread can store the
// previous file meanwhile (SQLite has one writer; parsing is the other half of the work).
import { parentPort } from 'node:worker_threads';
import { readFeedFile } from './files.ts';

export interface ParseRequest {
  id: number;
  file: string;
}

export type ParseReply = { id: number; feed: ReturnType<typeof readFeedFile> } | { id: number; error: string };

parentPort?.on('message', ({ id, file }: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id, feed: readFeedFile(file) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
