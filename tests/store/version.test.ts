// The data version every page and feed is cached under (store/read/version.ts): the database's own
// triggers move it with every write to a table a page or feed shows, and record when. It is cheap
// while nothing changes, moves at once for this connection's writes (a save from the page) and
// within OTHERS_EVERY_MS for another connection's commits (the scheduler thread, another process),
// and sends Last-Modified only once the second it names is over.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.ts';
import { createVersionReader, OTHERS_EVERY_MS } from '../../src/store/read/version.ts';
import { makeTempDb } from '../support/cli.ts';

let temp: ReturnType<typeof makeTempDb>;
let mine: Db;
let other: Db;
let tick = 0;
/** Two seconds ahead of SQLite's clock: every change's second is over. */
const later = () => Date.now() + 2000;
beforeEach(() => {
  temp = makeTempDb();
  mine = openDb(temp.db);
  other = openDb(temp.db);
  tick = 0;
});
afterEach(() => {
  mine.close();
  other.close();
  temp.cleanup();
});

const storeDay = (db: Db, day: string) =>
  db.prepare("INSERT INTO days (day, papers, source, stored_at) VALUES (?, 1, 'rss', ?)").run(day, `${day}T05:00:00Z`);

/** The store as it stood an hour ago: its last change is dated then (the table has no trigger). */
const backdate = (db: Db) => db.prepare('UPDATE data_version SET changed_at = changed_at - 3600').run();

const PAPER = `INSERT INTO papers (id, version, title, abstract, authors, categories, first_seen, search_day)
  VALUES ('2611.00001', 1, 'T', 'A', '["Ada Lovelace"]', '["cs.LG"]', '2026-11-30T05:00:00Z', '2026-11-30')`;

// Every table a page or feed shows, written the three ways; each write must move the version.
const SHOWN: Record<string, [insert: string, update: string, remove: string]> = {
  papers: [PAPER, "UPDATE papers SET title = 'T2'", 'DELETE FROM papers'],
  announcements: [
    "INSERT INTO announcements VALUES ('2026-11-30', '2611.00001', 1, 'new', 'rss')",
    "UPDATE announcements SET announce_type = 'cross'",
    'DELETE FROM announcements',
  ],
  days: [
    "INSERT INTO days VALUES ('2026-11-30', 1, 'rss', '2026-11-30T05:00:00Z')",
    'UPDATE days SET papers = 2',
    'DELETE FROM days',
  ],
  starred: [
    "INSERT INTO starred VALUES ('2611.00001', 'ada', 'Ada Lovelace', 'likely')",
    "UPDATE starred SET confidence = 'exact'",
    'DELETE FROM starred',
  ],
  author_confirmations: [
    "INSERT INTO author_confirmations VALUES ('ada', '2611.00001')",
    "UPDATE author_confirmations SET author_id = 'ada-l'",
    'DELETE FROM author_confirmations',
  ],
  source_items: [
    "INSERT INTO source_items VALUES ('blog', 'p1', 'Blog', 'Post', NULL, 'S', NULL, '2026-11-30', '2026-11-30')",
    "UPDATE source_items SET title = 'Post 2'",
    'DELETE FROM source_items',
  ],
  reading_marks: [
    "INSERT INTO reading_marks VALUES ('gan', '2026-11-30T05:00:00Z')",
    "UPDATE reading_marks SET read_at = '2026-12-01T05:00:00Z'",
    'DELETE FROM reading_marks',
  ],
  popularity: [
    "INSERT INTO popularity VALUES ('2026-11-30', '2611.00001', 'T', 3, NULL, NULL, NULL, '2026-11-30')",
    'UPDATE popularity SET upvotes = 4',
    'DELETE FROM popularity',
  ],
  round_parts: [
    "INSERT INTO round_parts VALUES ('blogs', '2026-11-30T05:00:00Z', 1, '3 of 3 feeds read', '[]')",
    'UPDATE round_parts SET ok = 0',
    'DELETE FROM round_parts',
  ],
  marks: [
    "INSERT INTO marks VALUES ('2611.00001', 'saved', '2026-11-30T05:00:00Z')",
    "UPDATE marks SET kind = 'hidden'",
    'DELETE FROM marks',
  ],
  watches: [
    "INSERT INTO watches VALUES ('robots', 'robots', 1, '2026-11-30T05:00:00Z')",
    'UPDATE watches SET mail = 0',
    'DELETE FROM watches',
  ],
  seen_days: [
    "INSERT INTO seen_days VALUES ('2026-11-30', '2026-11-30T05:00:00Z')",
    "UPDATE seen_days SET seen_at = '2026-12-01T05:00:00Z'",
    'DELETE FROM seen_days',
  ],
  seen_papers: [
    "INSERT INTO seen_papers VALUES ('2026-11-30', '2611.00001', '2026-11-30T05:00:00Z')",
    "UPDATE seen_papers SET seen_at = '2026-12-01T05:00:00Z'",
    'DELETE FROM seen_papers',
  ],
  // Only the reader's default order among meta's keys shows on a page; the rest is bookkeeping.
  meta: [
    "INSERT INTO meta VALUES ('default_sort', 'score')",
    "UPDATE meta SET value = 'arxiv' WHERE key = 'default_sort'",
    "DELETE FROM meta WHERE key = 'default_sort'",
  ],
  rank_model: [
    "INSERT INTO rank_model VALUES (1, 'tfidf', 'f', '2026-11-30T05:00:00Z', '{}')",
    "UPDATE rank_model SET fingerprint = 'g'",
    'DELETE FROM rank_model',
  ],
  paper_scores: [
    "INSERT INTO paper_scores VALUES ('2611.00001', 0.5, NULL, NULL)",
    'UPDATE paper_scores SET score = 0.7',
    'DELETE FROM paper_scores',
  ],
};

// What no page or feed shows: the scheduler's bookkeeping, read live by /healthz.
const NOT_SHOWN = [
  "INSERT INTO fetch_runs (url, started_at) VALUES ('https://rss.arxiv.org/rss/cs.LG', '2026-11-30T05:00:00Z')",
  "INSERT INTO http_validators VALUES ('https://rss.arxiv.org/rss/cs.LG', '\"e\"', NULL, '2026-11-30')",
  "INSERT INTO meta VALUES ('author_uploads.checked', '{}')",
  "INSERT INTO leases VALUES ('scheduler', 't', 'serve', 1, 'h', 0)",
  "INSERT INTO request_pacing VALUES ('arxiv', 0, 0)",
  "INSERT INTO sessions VALUES ('h', 0)",
  "INSERT INTO sends VALUES ('2026-11-30', 'sent', 'm', 'a@b', 1, NULL, 'x', 'x', 'x')",
];

describe('the data version', () => {
  it.each(Object.entries(SHOWN))(
    'moves, with Last-Modified, at every insert, update and delete of %s',
    (table, writes) => {
      const read = createVersionReader(mine, { tick: () => tick, wall: later });
      if (table !== 'papers') mine.prepare(PAPER).run();
      for (const sql of writes) {
        backdate(mine);
        const before = read();
        mine.prepare(sql).run();
        const after = read();
        expect(after.tag, sql).not.toBe(before.tag);
        expect(Date.parse(after.lastModified!) - Date.parse(before.lastModified!), sql).toBeGreaterThanOrEqual(
          3599_000,
        );
      }
    },
  );

  it('stands still for what no page shows', () => {
    const read = createVersionReader(mine, { tick: () => tick, wall: later });
    const before = read();
    for (const sql of NOT_SHOWN) mine.prepare(sql).run();
    expect(read()).toBe(before);
  });

  it('covers every table: each is versioned by triggers or known not to be shown', () => {
    const triggered = new Set(
      mine
        .prepare("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_version_%'")
        .pluck()
        .all() as string[],
    );
    const tables = mine
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name <> 'data_version'",
      )
      .pluck()
      .all() as string[];
    const unshown = NOT_SHOWN.map((sql) => /INTO (\w+)/.exec(sql)![1]);
    for (const table of tables) expect([triggered.has(table), unshown.includes(table)], table).toContain(true);
    expect([...triggered].sort()).toEqual(Object.keys(SHOWN).sort());
  });

  it("moves the marks' own count, what the ranking learns from, with every mark and nothing else", () => {
    const generation = () => mine.prepare("SELECT value FROM meta WHERE key = 'marks_generation'").pluck().get();
    mine.prepare(PAPER).run();
    const before = generation();
    mine.prepare(SHOWN['round_parts']![0]).run();
    expect(generation()).toBe(before);
    for (const sql of SHOWN['marks']!) {
      const last = generation();
      mine.prepare(sql).run();
      expect(generation(), sql).not.toBe(last);
    }
  });

  it('answers the same version while nothing changes', () => {
    const read = createVersionReader(mine, { tick: () => tick, wall: later });
    const first = read();
    tick += 10;
    expect(read()).toBe(first);
  });

  it('sends Last-Modified once the second of the change is over', () => {
    let wall = 0;
    const read = createVersionReader(mine, { tick: () => tick, wall: () => wall });
    storeDay(mine, '2026-11-30');
    const changedAt = Date.parse(read().changedAt!);
    wall = Math.floor(changedAt / 1000) * 1000 + 999;
    expect(read().lastModified).toBeUndefined();
    wall += 1;
    expect(read().lastModified).toBe(new Date(Math.floor(changedAt / 1000) * 1000).toUTCString());
  });

  it("moves with another connection's commit once OTHERS_EVERY_MS have passed", () => {
    const read = createVersionReader(mine, { tick: () => tick, wall: later });
    const before = read();
    storeDay(other, '2026-11-30');
    // Within the interval the version asked a moment ago stands (a commit shows a moment later).
    tick += OTHERS_EVERY_MS / 2;
    expect(read().tag).toBe(before.tag);
    tick += OTHERS_EVERY_MS;
    expect(read().tag).not.toBe(before.tag);
  });
});
