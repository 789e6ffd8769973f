// Save and hide over HTTP on the real app and SQLite file: the page's forms (303 back to the paper),
// the page's script (JSON), bad and unknown ids (4xx), what a hidden paper and its replacement leave
// (day sections, feeds) and the "show hidden" toggle, restarts, /saved as page, feed and BibTeX.
import { afterEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { openDb } from '../../src/store/db.ts';
import { readMarks } from '../../src/store/read/marks.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

let world: TestWorld | undefined;
afterEach(() => world?.close());

const FORM = { origin: 'http://127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded' };
const JSON_ACCEPT = { ...FORM, accept: 'application/json' };

function setUp() {
  world = createTestWorld();
  const bengio = makePaper({ id: '2609.00001', title: 'Starred and dull', authors: ['Yoshua Bengio'] });
  const dull = makePaper({ id: '2609.00002', title: 'A dull paper', authors: ['Ada Lovelace'] });
  const good = makePaper({ id: '2609.00003', title: 'A good paper', authors: ['Alan Turing'] });
  world.ingestDay('2026-09-23', [bengio, dull, good]);
  const app = createApp({ context: world.context, holidays: new Set() });
  return { app, bengio, dull, good };
}

const post = (app: Hono, path: string, headers: Record<string, string> = JSON_ACCEPT) =>
  app.request(path, { method: 'POST', headers });

describe('saving and hiding over HTTP', () => {
  it('answers the page script with JSON and a form with a 303 back to the paper on the same page', async () => {
    const { app } = setUp();
    const saved = await post(app, '/papers/2609.00003/save');
    expect(saved.status).toBe(200);
    expect(saved.headers.get('location')).toBeNull();
    expect(await saved.json()).toEqual({ id: '2609.00003', mark: 'saved', changed: 1 });
    const back = await post(app, '/papers/arXiv:2609.00002v1/hide', {
      ...FORM,
      referer: 'http://127.0.0.1:3000/digest/2026-09-23?sort=score#top',
    });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('http://127.0.0.1:3000/digest/2026-09-23?sort=score#p-2609.00002');
    // A hidden paper leaves the page: the form names the anchor after it (checked: anything else is a 400).
    const then = await app.request('/papers/2609.00001/hide', {
      method: 'POST',
      headers: { ...FORM, referer: 'http://127.0.0.1:3000/digest/2026-09-23' },
      body: 'then=p-2609.00003',
    });
    expect(then.headers.get('location')).toBe('http://127.0.0.1:3000/digest/2026-09-23#p-2609.00003');
    const odd = await app.request('/papers/2609.00001/hide', {
      method: 'POST',
      headers: { ...FORM, referer: 'http://127.0.0.1:3000/digest/2026-09-23' },
      body: 'then=%22%3E%3Cscript%3E',
    });
    expect(odd.status).toBe(400);
    expect(await odd.json()).toEqual({ error: 'then: expected an anchor of the page' });
    await post(app, '/papers/2609.00001/unhide');
    // Another site's address is never where a form sends the browser back to.
    const elsewhere = await post(app, '/papers/2609.00002/hide', { ...FORM, referer: 'https://evil.example/x' });
    expect(elsewhere.headers.get('location')).toBe('http://127.0.0.1:3000/#p-2609.00002');
    expect([...readMarks(world!.context.db)]).toEqual(
      expect.arrayContaining([
        ['2609.00003', 'saved'],
        ['2609.00002', 'hidden'],
      ]),
    );
    // Undo: the mark goes; undoing again changes nothing.
    expect(await (await post(app, '/papers/2609.00003/unsave')).json()).toEqual({
      id: '2609.00003',
      mark: null,
      changed: 1,
    });
    expect(await (await post(app, '/papers/2609.00003/unsave')).json()).toMatchObject({ changed: 0 });
  });

  it('refuses a bad id with 400 and an unknown paper with 404, saying which, never a 500', async () => {
    const { app } = setUp();
    const bad = await post(app, '/papers/not-an-id/save');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: '"not-an-id" is not an arXiv id (e.g. 2611.01234)' });
    const unknown = await post(app, '/papers/2609.99999/hide');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no stored paper has the id 2609.99999' });
    const page = await post(app, '/papers/2609.99999/hide', { ...FORM, accept: 'text/html' });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('no stored paper has the id 2609.99999');
    expect((await post(app, '/papers/2609.00001/frobnicate')).status).toBe(400);
    expect((await post(app, '/papers/%E0%A4%A/save')).status).toBe(400);
    // GET never changes anything.
    expect((await app.request('/papers/2609.00001/save')).status).toBe(404);
    expect(readMarks(world!.context.db).size).toBe(0);
  });

  it('leaves a hidden paper and its later replacement out of the day, the feeds and its author page', async () => {
    const { app, bengio } = setUp();
    await post(app, '/papers/2609.00001/hide');
    const page = await (await app.request('/digest/2026-09-23')).text();
    expect(page).not.toContain('Starred and dull');
    expect(page).toContain('show 1 hidden');
    expect(await (await app.request('/digest/2026-09-23?hidden=1')).text()).toContain('Starred and dull');
    expect((await app.request('/digest/2026-09-23?hidden=yes')).status).toBe(400);
    // v2 is announced the next day: still hidden, everywhere.
    world!.ingestDay('2026-09-24', [{ ...bengio, version: 2, announceType: 'replace', title: 'Starred and dull v2' }]);
    const json = (await (await app.request('/digest/2026-09-24.json')).json()) as { papers: unknown[] };
    expect(json.papers).toEqual([]);
    for (const feed of ['/rss.xml', '/rss/daily.xml', '/authors/yoshua-bengio.xml', '/authors/yoshua-bengio'])
      expect(await (await app.request(feed)).text(), feed).not.toContain('Starred and dull');
    expect(await (await app.request('/digest/2026-09-24?hidden=1')).text()).toContain('Starred and dull v2');
    await post(app, '/papers/2609.00001/unhide');
    expect(await (await app.request('/rss.xml')).text()).toContain('Starred and dull v2');
  });

  it('keeps the marks in the SQLite file across a restart', async () => {
    const { app } = setUp();
    await post(app, '/papers/2609.00003/save');
    const path = world!.context.config.dbPath;
    world!.context.db.close();
    const reopened = openDb(path);
    expect([...readMarks(reopened)]).toEqual([['2609.00003', 'saved']]);
    reopened.close();
    world!.context.db = openDb(path);
  });
});

describe('the library', () => {
  it('lists saved papers on /saved, as a feed and as BibTeX, and exports and imports them as JSON', async () => {
    const { app } = setUp();
    await post(app, '/papers/2609.00003/save');
    await post(app, '/papers/2609.00002/hide');
    const page = await (await app.request('/saved')).text();
    expect(page).toContain('<h1>Saved papers (1)</h1>');
    expect(page).toContain('A good paper');
    const feed = await (await app.request('/saved.xml')).text();
    expect(feed).toContain('<title>A good paper</title>');
    expect(feed).toContain('arxiv-curator:saved/2609.00003v1');
    const bib = await app.request('/saved.bib');
    expect(bib.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
    expect(await bib.text()).toContain(
      '@misc{arXiv:2609.00003,\n  title = {{A good paper}},\n  author = {Alan Turing},',
    );
    const exported = (await (await app.request('/saved.json')).json()) as {
      saved: { id: string }[];
      hidden: unknown[];
    };
    expect(exported.saved.map((entry) => entry.id)).toEqual(['2609.00003']);
    expect(exported.hidden).toHaveLength(1);
    expect(await (await app.request('/feeds.opml')).text()).toContain('/saved.xml');
  });
});
