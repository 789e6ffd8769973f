// Two processes writing one database file: the second writer queues for SQLite's write lock,
// says whom it waits for, and succeeds once the first is done.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { dumpData, FIXTURES, makeTempDb, startCli } from '../support/cli.ts';
import { holdWriteLock } from '../support/lock-holder.ts';

const RSS = join(FIXTURES, 'rss2-cs.LG-2026-04-27-trimmed-3items.xml');

let temp: ReturnType<typeof makeTempDb>;
beforeEach(() => {
  temp = makeTempDb();
  openDb(temp.db).close();
});
afterEach(() => temp.cleanup());

describe('a second writer', () => {
  it('waits for the write lock with a progress line, then imports once the first writer is done', async () => {
    const holder = await holdWriteLock(temp.db);
    const importer = startCli(['import', RSS], { CURATOR_DB: temp.db });
    await importer.stderrSaid('waiting for another writer: another process');
    // Still waiting, not failed: nothing is stored while the other process holds the lock.
    expect(dumpData(temp.db).days).toEqual([]);
    await holder.release();
    const result = await importer.done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2026-04-27: 3 papers');
    expect(result.stderr).toContain('the other writer finished; writing now');
    expect(dumpData(temp.db).days).toEqual([expect.objectContaining({ day: '2026-04-27', papers: 3 })]);
  }, 60_000);
});
