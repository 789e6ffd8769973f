// The queries that decide which days are still to be mailed (the `sends` table, migration 2).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { getLastSendStatus, getPendingSends, getSend } from '../../src/store/read/sends.ts';
import { finishSend, skipSend, startSend } from '../../src/store/write/sends.ts';
import type { ParsedFeed, StarredMatch } from '../../src/types.ts';

const NOW = '2026-11-26T12:00:00.000Z';
const flag = (authors: readonly string[]): StarredMatch[] =>
  authors.includes('Yoshua Bengio')
    ? [{ authorId: 'yoshua-bengio', name: 'Yoshua Bengio', as: 'Yoshua Bengio', confidence: 'exact' }]
    : [];

function feed(day: string, id: string): ParsedFeed {
  return {
    format: 'rss',
    announcedOn: day,
    papers: [
      {
        id,
        version: 1,
        title: `T ${id}`,
        abstract: 'A.',
        authors: ['Yoshua Bengio'],
        categories: ['cs.LG'],
        announceType: 'new',
      },
    ],
  };
}

const ingest = (db: Db, day: string, id: string) =>
  ingestFeed(db, feed(day, id), { source: 'rss', categories: ['cs.LG'], flags: { hash: 'test', flag }, now: NOW });
const start = (db: Db, day: string) =>
  startSend(db, { day, messageId: `<digest-${day}.x@arxiv-curator>`, recipients: ['a@example.org'], now: NOW });

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-sends-'));
  db = openDb(join(dir, 'curator.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pending sends', () => {
  it('keeps a failed day pending, however old, and counts a skipped day as handled', () => {
    for (const [day, id] of [
      ['2026-11-23', '1'],
      ['2026-11-24', '2'],
      ['2026-11-25', '3'],
      ['2026-11-26', '4'],
    ] as const)
      ingest(db, day, `2611.0000${id}`);
    start(db, '2026-11-23');
    finishSend(db, '2026-11-23', { ok: false, tries: 3, error: 'ECONNREFUSED', now: NOW });
    skipSend(db, { day: '2026-11-25', messageId: '<m>', recipients: ['a@example.org'], now: NOW });
    // 11-24 lies before the last handled day and was never attempted: a run never reached it.
    expect(getPendingSends(db)).toEqual(['2026-11-23', '2026-11-26']);
    expect(getLastSendStatus(db)).toEqual({
      pending: ['2026-11-23'],
      lastError: { day: '2026-11-23', error: 'ECONNREFUSED', at: NOW },
    });
  });

  it('limits never-attempted days to the latest few and ignores empty days', () => {
    for (let d = 1; d <= 9; d++) ingest(db, `2026-12-0${d}`, `2612.0000${d}`);
    ingestFeed(
      db,
      { format: 'rss', announcedOn: '2026-12-10', papers: [] },
      { source: 'rss', categories: ['cs.LG'], flags: { hash: 'test', flag }, now: NOW },
    );
    expect(getPendingSends(db, 3)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
  });

  it('clears the error once the day is delivered', () => {
    ingest(db, '2026-11-26', '2611.00004');
    start(db, '2026-11-26');
    finishSend(db, '2026-11-26', { ok: false, tries: 2, error: '451 Try again later', now: NOW });
    finishSend(db, '2026-11-26', { ok: true, tries: 1, now: '2026-11-27T06:00:00.000Z' });
    expect(getSend(db, '2026-11-26')).toMatchObject({
      status: 'sent',
      attempts: 3,
      error: null,
      sentAt: '2026-11-27T06:00:00.000Z',
    });
    expect(getLastSendStatus(db)).toEqual({
      lastSentDay: '2026-11-26',
      lastSentAt: '2026-11-27T06:00:00.000Z',
      pending: [],
    });
    expect(getPendingSends(db)).toEqual([]);
  });
});
