// In serve the web thread hands a star from the page to the scheduler thread (context.background):
// the file's edit and the re-flag of every stored paper are that thread's, and the web thread only
// passes on its answer, a refusal included; if that thread cannot (it failed, or is restarting),
// the star is done here, so it still lands.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionError } from '../../src/actions/errors.ts';
import { starFromPage } from '../../src/actions/star.ts';
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
const authorsFile = () => readFileSync(join(dir, 'authors.json'), 'utf8');

describe('a star from the page, in serve', () => {
  it('is the other thread’s: the web thread answers with what it did, and writes neither the file nor a flag', async () => {
    const asked: [string, number][] = [];
    const before = authorsFile();
    const star = async (paperId: string, index: number) => {
      asked.push([paperId, index]);
      return { authorId: 'ada-lovelace', name: 'Ada Lovelace', starred: true, reflagged: 42, papers: 1 };
    };
    const web = { ...context, background: { star } };
    expect(await starFromPage(web, '2609.00001', 0)).toMatchObject({ name: 'Ada Lovelace', reflagged: 42 });
    expect(asked).toEqual([['2609.00001', 0]]);
    expect(authorsFile()).toBe(before);
    expect(flagged()).toEqual([]);
  });

  it('passes on that thread’s refusal as it is, and does not try again here', async () => {
    const before = authorsFile();
    const star = () => Promise.reject(new ActionError(409, 'authors.json changed meanwhile'));
    const web = { ...context, background: { star } };
    await expect(starFromPage(web, '2609.00001', 0)).rejects.toMatchObject({
      status: 409,
      message: 'authors.json changed meanwhile',
    });
    expect(authorsFile()).toBe(before);
    expect(flagged()).toEqual([]);
  });

  it('happens here when that thread cannot, so the star still lands', async () => {
    const web = {
      ...context,
      background: { star: () => Promise.reject(new Error('the scheduler thread is not running')) },
    };
    expect(await starFromPage(web, '2609.00001', 0)).toMatchObject({ starred: true, reflagged: 1, papers: 1 });
    expect(authorsFile()).toContain('"name": "Ada Lovelace"');
    expect(flagged()).toEqual([{ paper_id: '2609.00001', author_id: 'ada-lovelace' }]);
    expect(lines.some((line) => line.includes('authors.star_here reason="the scheduler thread is not running"'))).toBe(
      true,
    );
  });

  it('says which paper is not stored', async () => {
    await expect(starFromPage(context, '2609.99999', 0)).rejects.toMatchObject({
      status: 404,
      message: 'no stored paper has the id 2609.99999',
    });
  });
});
