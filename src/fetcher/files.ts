// Reading a local file named on the command line (`import`'s feeds, `marks import`'s library), with
// the same one-line errors as a fetch. Only a regular file is read (a FIFO would hang the import, /dev/zero grow it without end), up to
// MAX_FILE_BYTES, and it must be UTF-8.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { FeedError } from './errors.ts';
import { formatBytes } from './http-body.ts';
import { decodeUtf8Strict, Utf8Error } from './utf8.ts';

/**
 * The largest file `import` reads: ten times the largest response arXiv sends (an API page of
 * 2,000 entries or a full RSS day, ~5 MB), and the HTTP client's cap too. Parsing holds the text
 * (up to twice its size in memory) and one batch of items; README gives the measured peak.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function readFeedFile(file: string): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new FeedError(file, describeOpenError(error as NodeJS.ErrnoException));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new FeedError(file, `${describeKind(stat)}, not a regular file`);
    if (stat.size > MAX_FILE_BYTES)
      throw new FeedError(
        file,
        `${formatBytes(stat.size)}, larger than the ${formatBytes(MAX_FILE_BYTES)} a file may be`,
      );
    return decodeUtf8Strict(readAll(fd, stat.size));
  } catch (error) {
    if (error instanceof Utf8Error) throw new FeedError(file, error.message);
    if (error instanceof FeedError) throw error;
    throw new FeedError(file, describeOpenError(error as NodeJS.ErrnoException));
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes as fstat sized it (a file growing meanwhile is read as it was). */
function readAll(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return bytes.subarray(0, filled);
}

function describeKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}

function describeOpenError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EACCES') return 'permission denied';
  if (error.code === 'EISDIR') return 'a directory, not a regular file';
  return (error.message ?? String(error)).replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}
