// Starring an author from the page: config/authors.json gains a one-line entry (or loses one),
// written atomically and otherwise byte for byte as it was; the stored papers are flagged at once.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openContext, type Context } from '../../src/app/context.ts';
import { silentLogger } from '../../src/app/log.ts';
import { loadConfig } from '../../src/config.ts';
import { loadAuthorsConfig } from '../../src/curate/authors-config.ts';
import { createApp } from '../../src/server.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { makePaper } from '../support/build-db.ts';

const SHIPPED = fileURLToPath(new URL('../../config/authors.json', import.meta.url));
const FORM = { origin: 'http://127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded' };

let dir: string;
let context: Context;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-star-'));
  writeFileSync(join(dir, 'authors.json'), readFileSync(SHIPPED));
  const config = loadConfig({ CURATOR_DB: join(dir, 'curator.db'), CURATOR_AUTHORS: join(dir, 'authors.json') });
  context = openContext(config, { log: silentLogger, now: () => new Date('2026-09-25T12:00:00Z') });
  const papers = [
    makePaper({ id: '2609.00001', title: 'By Ada', authors: ['Ada Lovelace', 'Alan Turing'] }),
    makePaper({ id: '2609.00002', title: 'By Ada again', authors: ['A. Lovelace'] }),
    makePaper({ id: '2609.00003', title: 'By G\\"odel', authors: ['Kurt G\\"odel', 'Yoshua Bengio'] }),
  ];
  const list = context.starred.current();
  ingestFeed(
    context.db,
    { format: 'rss', announcedOn: '2026-09-24', papers },
    { source: 'rss', categories: context.config.categories, flags: list, now: '2026-09-24T04:00:00Z' },
  );
});
afterEach(() => {
  context.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const star = (app: ReturnType<typeof createApp>, id: string, index: number, accept = 'application/json') =>
  app.request(`/papers/${id}/star`, { method: 'POST', headers: { ...FORM, accept }, body: `a=${index}` });

const starredOf = async (app: ReturnType<typeof createApp>) =>
  (
    (await (await app.request('/digest/2026-09-24.json')).json()) as {
      papers: { id: string; starred: { name: string }[] }[];
    }
  ).papers.map((paper) => [paper.id, paper.starred.map((match) => match.name)]);

describe('starring an author from a paper', () => {
  it('adds one line to authors.json, keeps the rest as written, and flags the stored papers at once', async () => {
    const app = createApp({ context, holidays: new Set() });
    const before = readFileSync(join(dir, 'authors.json'), 'utf8');
    const response = await star(app, '2609.00001', 0);
    expect(await response.json()).toEqual({
      authorId: 'ada-lovelace',
      name: 'Ada Lovelace',
      starred: true,
      reflagged: 3,
      // The papers the new entry flags: "Ada Lovelace" and "A. Lovelace" (not all three re-flagged).
      papers: 2,
    });
    const after = readFileSync(join(dir, 'authors.json'), 'utf8');
    const lastEntry = before.lastIndexOf('}\n  ]');
    expect(after).toBe(
      `${before.slice(0, lastEntry + 1)},\n    { "id": "ada-lovelace", "name": "Ada Lovelace" }${before.slice(lastEntry + 1)}`,
    );
    expect(loadAuthorsConfig(join(dir, 'authors.json')).authors.at(-1)).toEqual({
      id: 'ada-lovelace',
      name: 'Ada Lovelace',
      variants: [],
      not: [],
    });
    // No temp file is left beside it.
    expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);
    // "A. Lovelace" is flagged too: the real matcher, at once, no restart.
    expect(await starredOf(app)).toEqual([
      ['2609.00003', ['Yoshua Bengio']],
      ['2609.00002', ['Ada Lovelace']],
      ['2609.00001', ['Ada Lovelace']],
    ]);
    // Pressing the name again unstars: the file is back byte for byte.
    expect(await (await star(app, '2609.00002', 0)).json()).toMatchObject({ authorId: 'ada-lovelace', starred: false });
    expect(readFileSync(join(dir, 'authors.json'), 'utf8')).toBe(before);
    expect((await starredOf(app))[2]).toEqual(['2609.00001', []]);
  });

  it('stars a TeX-accented name as Unicode, unstars a shipped author, and sends a form back to the paper', async () => {
    const app = createApp({ context, holidays: new Set() });
    const form = await app.request('/papers/2609.00003/star', {
      method: 'POST',
      headers: { ...FORM, referer: 'http://127.0.0.1:3000/digest/2026-09-24' },
      body: 'a=0',
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('http://127.0.0.1:3000/digest/2026-09-24#p-2609.00003');
    expect(loadAuthorsConfig(join(dir, 'authors.json')).authors.at(-1)).toMatchObject({
      id: 'kurt-godel',
      name: 'Kurt Gödel',
    });
    expect(await (await star(app, '2609.00003', 1)).json()).toMatchObject({
      authorId: 'yoshua-bengio',
      starred: false,
    });
    expect(loadAuthorsConfig(join(dir, 'authors.json')).authors.map((author) => author.id)).not.toContain(
      'yoshua-bengio',
    );
    expect((await starredOf(app))[0]).toEqual(['2609.00003', ['Kurt Gödel']]);
  });

  it('refuses a bad author number, an unknown paper, and a name the matcher could not use', async () => {
    const app = createApp({ context, holidays: new Set() });
    const before = readFileSync(join(dir, 'authors.json'), 'utf8');
    expect((await star(app, '2609.00001', 7)).status).toBe(400);
    expect((await star(app, '2609.99999', 0)).status).toBe(404);
    const noA = await app.request('/papers/2609.00001/star', {
      method: 'POST',
      headers: { ...FORM, accept: 'application/json' },
    });
    expect(await noA.json()).toEqual({ error: 'a: star needs a=<author number, from 0>' });
    ingestFeed(
      context.db,
      { format: 'rss', announcedOn: '2026-09-25', papers: [makePaper({ id: '2609.00009', authors: ['Plato'] })] },
      {
        source: 'rss',
        categories: context.config.categories,
        flags: context.starred.current(),
        now: '2026-09-25T04:00:00Z',
      },
    );
    const plato = await star(app, '2609.00009', 0);
    expect(plato.status).toBe(400);
    expect(((await plato.json()) as { error: string }).error).toContain('"Plato" needs a given name and a surname');
    expect(readFileSync(join(dir, 'authors.json'), 'utf8')).toBe(before);
    // A file broken by a hand edit is reported, not written over.
    writeFileSync(join(dir, 'authors.json'), '{ "authors": [ ');
    const broken = await star(app, '2609.00001', 0);
    expect(broken.status).toBe(409);
    expect(readFileSync(join(dir, 'authors.json'), 'utf8')).toBe('{ "authors": [ ');
  });
});
