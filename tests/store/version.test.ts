// The data version every page and feed is cached under (store/read/version.ts): asked on every
// request, so it is cheap while nothing changes, and it must still move with every change a page
// could show: at once for this connection's writes (a save from the page), within
// OTHERS_EVERY_MS for another connection's commits (the scheduler thread, another process).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.ts';
import { createVersionReader, OTHERS_EVERY_MS } from '../../src/store/read/version.ts';
import { makeTempDb } from '../support/cli.ts';

let temp: ReturnType<typeof makeTempDb>;
let mine: Db;
let other: Db;
let clock = 0;
beforeEach(() => {
  temp = makeTempDb();
  mine = openDb(temp.db);
  other = openDb(temp.db);
  clock = 0;
});
afterEach(() => {
  mine.close();
  other.close();
  temp.cleanup();
});

const storeDay = (db: Db, day: string) =>
  db.prepare("INSERT INTO days (day, papers, source, stored_at) VALUES (?, 1, 'rss', ?)").run(day, `${day}T05:00:00Z`);

describe('the data version', () => {
  it('answers the same version while nothing changes, one per extra', () => {
    const read = createVersionReader(mine, () => clock);
    const first = read('a');
    clock += 10;
    expect(read('a')).toBe(first);
    expect(read('b').tag).not.toBe(first.tag);
  });

  it("moves at once with this connection's writes", () => {
    const read = createVersionReader(mine, () => clock);
    const before = read('');
    storeDay(mine, '2026-11-30');
    const after = read('');
    expect(after.tag).not.toBe(before.tag);
    expect(after.lastModified).toBe('Mon, 30 Nov 2026 05:00:00 GMT');
  });

  it("moves with another connection's commit once OTHERS_EVERY_MS have passed", () => {
    const read = createVersionReader(mine, () => clock);
    const before = read('');
    storeDay(other, '2026-11-30');
    // Within the interval the version asked a moment ago stands (a commit shows a moment later).
    clock += OTHERS_EVERY_MS / 2;
    expect(read('').tag).toBe(before.tag);
    clock += OTHERS_EVERY_MS;
    expect(read('').tag).not.toBe(before.tag);
    expect(read('').lastModified).toBe('Mon, 30 Nov 2026 05:00:00 GMT');
  });
});
