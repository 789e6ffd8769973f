// Seen days (the archive marks the days not opened, "next unread day"), the write rules on the
// triage routes (cross-site refused, the token off loopback, GET changes nothing), and saves
// posted while another process ingests a day into the same SQLite file: nothing is lost.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { readMarks } from '../../src/store/read/marks.ts';
import { listSeenDays } from '../../src/store/read/seen.ts';
import { createApp } from '../../src/server.ts';
import { spawnCli } from '../support/cli.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';
import { buildRealisticDay, renderDayAsRss } from '../support/realistic-day.ts';

let world: TestWorld | undefined;
afterEach(() => world?.close());

const SAME_SITE = { origin: 'http://localhost', accept: 'application/json' };

function threeDays(env: NodeJS.ProcessEnv = {}): Hono {
  world = createTestWorld({ env });
  world.ingestDay('2026-09-22', [makePaper({ id: '2609.00001' })]);
  world.ingestDay('2026-09-23', [makePaper({ id: '2609.00002' })]);
  world.ingestDay('2026-09-24', [makePaper({ id: '2609.00003' })]);
  return createApp({ context: world.context, holidays: new Set() });
}

describe('seen days', () => {
  it('marks the days not opened in the archive and offers the next unread day, until the page says it was read', async () => {
    const app = threeDays();
    const latest = await (await app.request('/')).text();
    expect(latest).toContain(
      'You have 2 unread days: <a href="http://127.0.0.1:3000/digest/2026-09-22">next unread day, 2026-09-22 →</a>',
    );
    expect(latest).toContain('<b><a href="http://127.0.0.1:3000/digest/2026-09-23">2026-09-23</a> (unread)</b>');
    expect(latest).toContain('<form class=seen method=post action=http://127.0.0.1:3000/digest/2026-09-24/seen>');
    // Opening pages (GET) changes nothing.
    await app.request('/digest/2026-09-22');
    expect(listSeenDays(world!.context.db).size).toBe(0);
    for (const day of ['2026-09-22', '2026-09-24']) {
      const seen = await app.request(`/digest/${day}/seen`, { method: 'POST', headers: SAME_SITE });
      expect(await seen.json()).toEqual({ day, seen: true });
    }
    const after = await (await app.request('/')).text();
    expect(after).toContain(
      'You have 1 unread day: <a href="http://127.0.0.1:3000/digest/2026-09-23">next unread day, 2026-09-23 →</a>',
    );
    expect(after).not.toContain('<form class=seen');
    expect(after).toContain('<a href="http://127.0.0.1:3000/digest/2026-09-22">2026-09-22</a></p>');
    expect((await app.request('/digest/2026-09-26/seen', { method: 'POST', headers: SAME_SITE })).status).toBe(404);
    expect((await app.request('/digest/yesterday/seen', { method: 'POST', headers: SAME_SITE })).status).toBe(400);
  });
});

describe('the triage routes are writes', () => {
  it('refuse every one of them from another site', async () => {
    const app = threeDays();
    const forged = { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' };
    for (const path of [
      '/papers/2609.00001/save',
      '/papers/2609.00001/hide',
      '/papers/2609.00001/star',
      '/watches',
      '/digest/2026-09-24/seen',
    ]) {
      const response = await app.request(path, { method: 'POST', headers: forged, body: 'a=0&q=x' });
      expect(response.status, path).toBe(403);
    }
    expect(readMarks(world!.context.db).size).toBe(0);
    expect(listSeenDays(world!.context.db).size).toBe(0);
  });

  it('need the token off loopback, and are off without one (the page then shows no controls)', async () => {
    const token = 'a-long-enough-secret-token';
    const app = threeDays({ HOST: '0.0.0.0', CURATOR_TOKEN: token });
    expect((await app.request('/papers/2609.00001/save', { method: 'POST', headers: SAME_SITE })).status).toBe(401);
    const withToken = await app.request('/papers/2609.00001/save', {
      method: 'POST',
      headers: { ...SAME_SITE, authorization: `Bearer ${token}` },
    });
    expect(withToken.status).toBe(200);
    world!.close();
    const readOnly = threeDays({ HOST: '0.0.0.0' });
    expect((await readOnly.request('/papers/2609.00001/save', { method: 'POST', headers: SAME_SITE })).status).toBe(
      403,
    );
    const page = await (await readOnly.request('/')).text();
    expect(page).not.toContain('<form class=act');
    expect(page).not.toContain('<form class=au');
  });
});

describe('saves while another process ingests', () => {
  it('lose nothing: every save is stored and so is every paper of the day', async () => {
    const app = threeDays();
    const day = buildRealisticDay({ day: '2026-09-25', count: 600, starred: 3, idPrefix: '2609' });
    const file = join(world!.dir, 'day.xml');
    writeFileSync(file, renderDayAsRss('2026-09-25', day));
    const env = {
      CURATOR_DB: world!.context.config.dbPath,
      CURATOR_AUTHORS: fileURLToPath(new URL('../../config/authors.json', import.meta.url)),
    };
    const importing = spawnCli(['import', file], env);
    let done = false;
    void importing.then(() => (done = true));
    const ids = ['2609.00001', '2609.00002', '2609.00003'];
    let saves = 0;
    // Save and unsave the three papers over and over until the import ends (at least 10 rounds).
    while (!done || saves < 30) {
      const id = ids[saves % 3]!;
      const action = Math.floor(saves / 3) % 2 === 0 ? 'save' : 'unsave';
      const response = await app.request(`/papers/${id}/${action}`, { method: 'POST', headers: SAME_SITE });
      expect(response.status).toBe(200);
      saves++;
      // Let the child's events in: app.request alone never leaves the microtask queue.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await importing;
    expect(result.code, result.stderr).toBe(0);
    const rounds = Math.floor(saves / 3);
    const expected = rounds % 2 === 1 ? ['2609.00001', '2609.00002', '2609.00003'] : [];
    const marks = readMarks(world!.context.db);
    for (const id of ids.slice(0, saves % 3)) expect(marks.get(id)).toBe(rounds % 2 === 0 ? 'saved' : undefined);
    for (const id of ids.slice(saves % 3)) expect(marks.has(id)).toBe(expected.includes(id));
    const json = (await (await app.request('/digest/2026-09-25.json')).json()) as { papers: unknown[] };
    expect(json.papers).toHaveLength(600);
  }, 120_000);
});
