// In serve the web thread hands re-flagging after a star to the scheduler thread (context.background):
// it writes authors.json and answers with what that thread reports, without re-flagging on its own
// connection; if that thread cannot (it failed, or is restarting), the star still flags, here.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toggleStar } from '../../src/actions/star.ts';
import { openContext, type Context } from '../../src/app/context.ts';
import { createLogger } from '../../src/app/log.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { makePaper } from '../support/build-db.ts';

const SHIPPED = fileURLToPath(new URL('../../config/authors.json', import.meta.url));
const ADA = ['Ada Lovelace', 'Alan Turing'];

let dir: string;
let context: Context;
let lines: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-reflag-'));
  writeFileSync(join(dir, 'authors.json'), readFileSync(SHIPPED));
  lines = [];
  const log = createLogger('info', (line) => lines.push(line));
  context = openContext(
    loadConfig({ CURATOR_DB: join(dir, 'curator.db'), CURATOR_AUTHORS: join(dir, 'authors.json') }),
    {
      log,
    },
  );
  ingestFeed(
    context.db,
    { format: 'rss', announcedOn: '2026-09-24', papers: [makePaper({ id: '2609.00001', authors: ADA })] },
    {
      source: 'rss',
      categories: context.config.categories,
      flags: context.starred.current(),
      now: '2026-09-24T04:00:00Z',
    },
  );
});
afterEach(() => {
  context.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const flagged = () => context.db.prepare('SELECT paper_id, author_id FROM starred').all();

describe('re-flagging after a star, in serve', () => {
  it('is the other thread’s: the web thread answers with its count and writes no flag itself', async () => {
    let asked = 0;
    const web = { ...context, background: { reflag: async () => (asked++, { reflagged: 42 }) } };
    expect(await toggleStar(web, ADA, 0)).toMatchObject({ name: 'Ada Lovelace', starred: true, reflagged: 42 });
    expect(asked).toBe(1);
    expect(flagged()).toEqual([]);
  });

  it('happens here when that thread cannot, so the star still flags', async () => {
    const web = {
      ...context,
      background: { reflag: () => Promise.reject(new Error('the scheduler thread is not running')) },
    };
    expect(await toggleStar(web, ADA, 0)).toMatchObject({ starred: true, reflagged: 1 });
    expect(flagged()).toEqual([{ paper_id: '2609.00001', author_id: 'ada-lovelace' }]);
    expect(
      lines.some((line) => line.includes('authors.reflag_here reason="the scheduler thread is not running"')),
    ).toBe(true);
  });
});
