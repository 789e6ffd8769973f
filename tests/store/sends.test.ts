// Migration 2 (the `sends` table) and the queries that decide which days are still to be mailed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.ts';
import { migrate, SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { ingestFeed } from '../../src/store/ingest.ts';
import { finishSend, getLastSendStatus, getPendingSends, getSend, skipSend, startSend } from '../../src/store/sends.ts';
import type { ParsedFeed, StarredMatch } from '../../src/types.ts';

const NOW = '2026-11-26T12:00:00.000Z';
const flag = (authors: readonly string[]): StarredMatch[] =>
  authors.includes('Yoshua Bengio') ? [{ authorId: 'yoshua-bengio', name: 'Yoshua Bengio', as: 'Yoshua Bengio', confidence: 'exact' }] : [];

function feed(day: string, id: string): ParsedFeed {
  return { format: 'rss', announcedOn: day, papers: [{ id, version: 1, title: `T ${id}`, abstract: 'A.', authors: ['Yoshua Bengio'], categories: ['cs.LG'], announceType: 'new' }] };
}

const ingest = (db: Db, day: string, id: string) => ingestFeed(db, feed(day, id), { source: 'rss', categories: ['cs.LG'], flag, now: NOW });
const start = (db: Db, day: string) => startSend(db, { day, messageId: `<digest-${day}.x@arxiv-curator>`, recipients: ['a@example.org'], now: NOW });

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

describe('migration 2', () => {
  it('adds the sends table to a version 1 database and keeps its rows', () => {
    const path = join(dir, 'v1.db');
    const old = openDb(path, { migrate: false });
    migrate(old, 1);
    ingest(old, '2026-11-25', '2611.00001');
    const before = ['papers', 'announcements', 'days', 'starred'].map((table) => old.prepare(`SELECT * FROM ${table}`).all());
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    const upgraded = openDb(path);
    try {
      expect(SCHEMA_VERSION).toBe(2);
      expect(upgraded.pragma('user_version', { simple: true })).toBe(2);
      expect(['papers', 'announcements', 'days', 'starred'].map((table) => upgraded.prepare(`SELECT * FROM ${table}`).all())).toEqual(before);
      expect(getPendingSends(upgraded)).toEqual(['2026-11-25']);
      start(upgraded, '2026-11-25');
      expect(getSend(upgraded, '2026-11-25')).toMatchObject({ status: 'pending', recipients: ['a@example.org'], attempts: 0 });
    } finally {
      upgraded.close();
    }
  });
});

describe('pending sends', () => {
  it('keeps a failed day pending, however old, and counts a skipped day as handled', () => {
    for (const [day, id] of [['2026-11-23', '1'], ['2026-11-24', '2'], ['2026-11-25', '3'], ['2026-11-26', '4']] as const) ingest(db, day, `2611.0000${id}`);
    start(db, '2026-11-23');
    finishSend(db, '2026-11-23', { ok: false, tries: 3, error: 'ECONNREFUSED', now: NOW });
    skipSend(db, { day: '2026-11-25', messageId: '<m>', recipients: ['a@example.org'], now: NOW });
    // 11-24 lies before the last handled day and was never attempted: a run never reached it.
    expect(getPendingSends(db)).toEqual(['2026-11-23', '2026-11-26']);
    expect(getLastSendStatus(db)).toEqual({ pending: ['2026-11-23'], lastError: { day: '2026-11-23', error: 'ECONNREFUSED', at: NOW } });
  });

  it('limits never-attempted days to the latest few and ignores empty days', () => {
    for (let d = 1; d <= 9; d++) ingest(db, `2026-12-0${d}`, `2612.0000${d}`);
    ingestFeed(db, { format: 'rss', announcedOn: '2026-12-10', papers: [] }, { source: 'rss', categories: ['cs.LG'], flag, now: NOW });
    expect(getPendingSends(db, 3)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
  });

  it('clears the error once the day is delivered', () => {
    ingest(db, '2026-11-26', '2611.00004');
    start(db, '2026-11-26');
    finishSend(db, '2026-11-26', { ok: false, tries: 2, error: '451 Try again later', now: NOW });
    finishSend(db, '2026-11-26', { ok: true, tries: 1, now: '2026-11-27T06:00:00.000Z' });
    expect(getSend(db, '2026-11-26')).toMatchObject({ status: 'sent', attempts: 3, error: null, sentAt: '2026-11-27T06:00:00.000Z' });
    expect(getLastSendStatus(db)).toEqual({ lastSentDay: '2026-11-26', lastSentAt: '2026-11-27T06:00:00.000Z', pending: [] });
    expect(getPendingSends(db)).toEqual([]);
  });
});
