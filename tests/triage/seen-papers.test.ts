// Seen papers, per paper per day: the page's batches (`ids`), "Mark the rest seen" (`rest=1`, a
// plain form that lands back at the seen line), bad ids refused by name, papers of another day
// left alone, and the page saying "2 of 3 seen" with the way back to the first not seen.
import { afterEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { listSeenDays, listSeenPapers } from '../../src/store/read/seen.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';

let world: TestWorld | undefined;
afterEach(() => world?.close());

const JSON_POST = { origin: 'http://localhost', accept: 'application/json', 'content-type': 'application/json' };
const DAY = '2026-09-24';

function aDay(): Hono {
  world = createTestWorld();
  world.ingestDay('2026-09-23', [makePaper({ id: '2609.00001' })]);
  world.ingestDay(DAY, [
    makePaper({ id: '2609.00002' }),
    makePaper({ id: '2609.00003' }),
    makePaper({ id: '2609.00004' }),
  ]);
  return createApp({ context: world.context, holidays: new Set() });
}

const post = (app: Hono, body: object) =>
  app.request(`/digest/${DAY}/seen`, { method: 'POST', headers: JSON_POST, body: JSON.stringify(body) });

describe('seen papers', () => {
  it('stores the batches the page sends, counts them on the page and points at the first not seen', async () => {
    const app = aDay();
    const db = world!.context.db;
    expect(await (await post(app, { ids: '2609.00002,arXiv:2609.00003v1,2609.00001' })).json()).toEqual({
      day: DAY,
      seen: true,
      papers: 2,
    });
    // The paper of another day is not this day's; the day counts as opened.
    expect([...listSeenPapers(db, DAY)].sort()).toEqual(['2609.00002', '2609.00003']);
    expect(listSeenPapers(db, '2026-09-23').size).toBe(0);
    expect(listSeenDays(db).has(DAY)).toBe(true);
    const html = await (await app.request(`/digest/${DAY}`)).text();
    expect(html).toContain('<span id=sc>2</span> of 3 seen · <a href=#p-2609.00004>on to the first not seen</a>');
    expect(html).toMatch(/<li id=p-2609\.00002 data-p=2609\.00002 data-n=\d+ class=sn>/);
    expect(html).toMatch(/<li id=p-2609\.00004 data-p=2609\.00004 data-n=\d+>/);
    // Sent again (a retried batch): nothing new.
    expect(await (await post(app, { ids: '2609.00002' })).json()).toMatchObject({ papers: 0 });
  });

  it('points at the first not seen in the order the page lists them: by category, the largest group first', async () => {
    world = createTestWorld();
    world.ingestDay(DAY, [
      makePaper({ id: '2609.00002', categories: ['cs.LG'] }),
      makePaper({ id: '2609.00003', categories: ['cs.LG'] }),
      makePaper({ id: '2609.00004', categories: ['stat.ML'] }),
    ]);
    const app = createApp({ context: world.context, holidays: new Set() });
    await post(app, { ids: '2609.00003' });
    const html = await (await app.request(`/digest/${DAY}`)).text();
    // cs.LG (two papers) before stat.ML: the paper below the one seen is 2609.00002, not the newest.
    const order = html.match(/(?<=<li id=p-)[\d.]+/g);
    expect(order).toEqual(['2609.00003', '2609.00002', '2609.00004']);
    expect(html).toContain('<span id=sc>1</span> of 3 seen · <a href=#p-2609.00002>on to the first not seen</a>');
  });

  it('marks the rest seen from a plain form, landing back at the seen line', async () => {
    const app = aDay();
    const response = await app.request(`/digest/${DAY}/seen`, {
      method: 'POST',
      headers: {
        origin: 'http://localhost',
        'content-type': 'application/x-www-form-urlencoded',
        referer: `http://localhost/digest/${DAY}`,
      },
      body: 'rest=1',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(new RegExp(`/digest/${DAY}#seen$`));
    expect(listSeenPapers(world!.context.db, DAY).size).toBe(3);
    expect(await (await app.request(`/digest/${DAY}`)).text()).toContain('<span id=sc>3</span> of 3 seen</p>');
  });

  it('refuses a bad id by name and an unknown day', async () => {
    const app = aDay();
    const bad = await post(app, { ids: '2609.00002,not-an-id' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: '"not-an-id" is not an arXiv id (e.g. 2611.01234)' });
    expect(listSeenPapers(world!.context.db, DAY).size).toBe(0);
    const unknown = await app.request('/digest/2026-09-28/seen', {
      method: 'POST',
      headers: JSON_POST,
      body: '{"ids":"2609.00002"}',
    });
    expect(unknown.status).toBe(404);
  });
});
