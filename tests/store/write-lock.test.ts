// SQLite's write lock between two connections of one file: the second writer queues, learns who
// holds the lock from the holder's note, and writes once the lock frees (store/write/lock.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { openDb, type Db } from '../../src/store/db.ts';
import { setMeta } from '../../src/store/write/meta.ts';
import {
  beginImmediate,
  releaseNote,
  writeTransaction,
  writeTransactionAsync,
  WriteLockTimeoutError,
  type WriteWait,
} from '../../src/store/write/lock.ts';
import { getMeta } from '../../src/store/read/meta.ts';
import { makeTempDb } from '../support/cli.ts';

let temp: ReturnType<typeof makeTempDb>;
let first: Db;
let second: Db;
beforeEach(() => {
  temp = makeTempDb();
  first = openDb(temp.db);
  second = openDb(temp.db);
});
afterEach(() => {
  first.close();
  second.close();
  temp.cleanup();
});

describe('the write lock', () => {
  it('makes a second writer wait, naming the first, and write once it commits', async () => {
    beginImmediate(first, { label: 'import' });
    setMeta(first, 'who', 'first');
    const waits: WriteWait[] = [];
    let waited!: () => void;
    const told = new Promise<void>((resolve) => (waited = resolve));
    const pending = writeTransactionAsync(second, () => setMeta(second, 'who', 'second'), {
      label: 'fetch',
      onWait: (wait) => (waits.push(wait), waited()),
      sleep: async () => {},
    });
    await told;
    expect(waits[0]).toMatchObject({ state: 'waiting', holder: `import (pid ${process.pid}, writing for 0 s)` });
    first.exec('COMMIT');
    releaseNote(first);
    await pending;
    expect(getMeta(first, 'who')).toBe('second');
    expect(waits.at(-1)).toMatchObject({ state: 'acquired' });
    expect(existsSync(`${temp.db}-writer`)).toBe(false);
  });

  it('gives up after the longest wait with a message naming the holder', () => {
    beginImmediate(first, { label: 'backfill' });
    let clock = 0;
    expect(() =>
      writeTransaction(second, () => setMeta(second, 'who', 'second'), {
        label: 'import',
        maxWaitMs: 1000,
        now: () => (clock += 600),
      }),
    ).toThrow(WriteLockTimeoutError);
    expect(() =>
      writeTransaction(second, () => undefined, { label: 'import', maxWaitMs: 0, now: () => (clock += 1) }),
    ).toThrow(/another writer, backfill \(pid \d+, writing for \d+ s\), held the database for more than 0 s/);
    first.exec('ROLLBACK');
  });

  it('rolls back a transaction whose work throws, and lets the next writer in', () => {
    expect(() =>
      writeTransaction(
        first,
        () => {
          setMeta(first, 'half', 'written');
          throw new Error('bad input');
        },
        { label: 'import' },
      ),
    ).toThrow('bad input');
    expect(getMeta(second, 'half')).toBeUndefined();
    writeTransaction(second, () => setMeta(second, 'half', 'whole'), { label: 'import' });
    expect(getMeta(first, 'half')).toBe('whole');
  });
});
