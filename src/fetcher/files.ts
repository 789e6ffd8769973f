// Reading a feed from a local file (`import`), with the same one-line errors as a fetch.
import { readFileSync, statSync } from 'node:fs';
import { FeedError } from './errors.ts';
import { parseFeed } from './parse.ts';
import type { ParsedFeed } from '../types.ts';

export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export function readFeedFile(file: string): ParsedFeed {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FeedError(file, code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  if (size > MAX_FILE_BYTES) throw new FeedError(file, `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  return parseFeed(readFileSync(file, 'utf8'), file);
}
