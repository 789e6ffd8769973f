// SQLite's write lock between two connections of one file: the second writer queues, learns who
// holds the lock from the holder's note, and writes once the lock frees (store/write/lock.ts); a writer of
// millisecond transactions (serve's web thread) leaves no note and no checkpoint (store/write/checkpoints.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
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
import { leaveCheckpointsToOthers } from '../../src/store/write/checkpoints.ts';
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

  it('leaves no note for a writer that asks for none (the web thread), and still writes', async () => {
    let noted: boolean | undefined;
    await writeTransactionAsync(
      first,
      () => ((noted = existsSync(`${temp.db}-writer`)), setMeta(first, 'who', 'web')),
      { label: 'serve', note: false },
    );
    expect(noted).toBe(false);
    expect(getMeta(second, 'who')).toBe('web');
    writeTransaction(first, () => (noted = existsSync(`${temp.db}-writer`)), { label: 'serve' });
    expect(noted).toBe(true);
  });

  it("leaves the log for other connections to copy: its commits never checkpoint, the next other writer's does", () => {
    leaveCheckpointsToOthers(first);
    const fileSize = () => statSync(temp.db).size;
    const before = fileSize();
    // Well over SQLite's threshold of 1,000 pages of log: 300 commits of 16 KB (4 pages and more each).
    for (let i = 0; i < 300; i++)
      writeTransaction(first, () => setMeta(first, `k${i}`, 'x'.repeat(16_000)), { label: 'serve', note: false });
    expect(fileSize()).toBe(before);
    writeTransaction(second, () => setMeta(second, 'other', 'writer'), { label: 'scheduler' });
    expect(fileSize()).toBeGreaterThan(before + 300 * 16_000);
  });
});
