// A temporary world for mail tests: an authors file, a database with hand-made announcement
// days, and contexts opened on them with chosen SMTP settings.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { openContext, type Context } from '../../src/app/context.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { silentLogger } from '../../src/app/log.ts';
import type { PaperRecord } from '../../src/types.ts';
import { QUIET_ROUND_ENV } from '../support/quiet-round.ts';

export const HOSTILE_TITLE = '<script>alert("x")</script> Tom & Jerry <b>nets</b>';
const AUTHORS = {
  authors: [
    { id: 'yoshua-bengio', name: 'Yoshua Bengio', variants: [], not: [] },
    { id: 'quoc-le', name: 'Quoc V. Le', variants: ['Quoc Le'], not: [] },
  ],
};

export function paper(id: string, over: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id,
    version: 1,
    title: `Paper ${id}`,
    abstract: `Abstract of ${id}.`,
    authors: ['Ada Lovelace'],
    categories: ['cs.LG'],
    announceType: 'new',
    ...over,
  };
}

/** Two starred papers (Bengio, Le), a hostile title, two more new ones and a cross-list. */
export function starredDay(): PaperRecord[] {
  return [
    paper('2611.00001', { title: 'Starred by Bengio', authors: ['Yoshua Bengio', 'Ada Lovelace'] }),
    paper('2611.00002', {
      title: 'Starred by Le',
      authors: ['Quoc Le'],
      announceType: 'cross',
      categories: ['cs.CL', 'cs.LG'],
    }),
    paper('2611.00003', { title: HOSTILE_TITLE }),
    paper('2611.00004'),
    paper('2611.00005'),
  ];
}

export interface World {
  dir: string;
  dbPath: string;
  authorsPath: string;
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  open(extra?: NodeJS.ProcessEnv): Context;
  addDay(day: string, papers: PaperRecord[]): void;
  cleanup(): void;
}

export function createWorld(now = () => new Date('2026-11-26T12:00:00Z')): World {
  const dir = mkdtempSync(join(tmpdir(), 'curator-mail-'));
  const authorsPath = join(dir, 'authors.json');
  writeFileSync(authorsPath, JSON.stringify(AUTHORS));
  const contexts: Context[] = [];
  const world: World = {
    dir,
    dbPath: join(dir, 'curator.db'),
    authorsPath,
    env: (extra = {}) => ({
      CURATOR_DB: world.dbPath,
      CURATOR_AUTHORS: authorsPath,
      LOG_LEVEL: 'silent',
      ...QUIET_ROUND_ENV,
      ...extra,
    }),
    open(extra) {
      const context = openContext(loadConfig(world.env(extra)), { log: silentLogger, now });
      contexts.push(context);
      return context;
    },
    addDay(day, papers) {
      const context = world.open();
      ingestFeed(
        context.db,
        { format: 'rss', announcedOn: day, papers },
        {
          source: 'rss',
          categories: ['cs.LG', 'cs.NE', 'stat.ML'],
          flags: context.starred.current(),
          now: now().toISOString(),
        },
      );
    },
    cleanup() {
      for (const context of contexts) if (context.db.open) context.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}
