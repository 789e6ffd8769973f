// Keyword watches on the real app: added from the page's form, highlighted on the day's papers,
// their own section and feed (listed in /feeds.opml), pinned into the mail, removed again; and
// bounded: at most 100, queries that cost little, the day's page naming each paper once.
import { afterEach, describe, expect, it } from 'vitest';
import { importLibrary } from '../../src/actions/library.ts';
import { addWatches } from '../../src/actions/watches.ts';
import { sendDigest } from '../../src/mail/send.ts';
import { readMarks } from '../../src/store/read/marks.ts';
import { listWatches } from '../../src/store/read/watches.ts';
import { insertWatch } from '../../src/store/write/watches.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';
import { buildRealisticDay } from '../support/realistic-day.ts';
import { startSmtp, type TestSmtp } from '../mail/smtp.ts';

let world: TestWorld | undefined;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  world?.close();
  await smtp?.close();
});

const FORM = { origin: 'http://127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded' };

describe('keyword watches', () => {
  it('are added from a form, shown as a section and a badge, fed, listed in the OPML, mailed and removed', async () => {
    smtp = await startSmtp();
    world = createTestWorld({ env: { SMTP_URL: smtp.url, DIGEST_TO: 'reader@example.org' } });
    world.ingestDay('2026-09-24', [
      makePaper({ id: '2609.00001', title: 'Diffusion policy for robots', abstract: 'Robots & <arms>.' }),
      makePaper({ id: '2609.00002', title: 'A survey of diffusion policy' }),
      makePaper({ id: '2609.00003', title: 'Something else' }),
    ]);
    const app = createApp({ context: world.context, holidays: new Set() });
    const added = await app.request('/watches', {
      method: 'POST',
      headers: { ...FORM, referer: 'http://127.0.0.1:3000/watches' },
      body: new URLSearchParams({ q: '"diffusion policy" -survey' }).toString(),
    });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('http://127.0.0.1:3000/watches#watch-diffusion-policy-survey');
    const bad = await app.request('/watches', {
      method: 'POST',
      headers: { ...FORM, accept: 'application/json' },
      body: 'q=-survey',
    });
    expect(bad.status).toBe(400);
    const watches = await (await app.request('/watches')).text();
    expect(watches).toContain(
      '<b>&quot;diffusion policy&quot; -survey</b> <span class=m>1 in the last week, in the mail',
    );

    const page = await (await app.request('/digest/2026-09-24')).text();
    const section = page.slice(
      page.indexOf('<section id=watches>'),
      page.indexOf('</section>', page.indexOf('<section id=watches>')),
    );
    expect(section).toContain(
      '<h2>Watches (1)</h2><ul class=m><li id=watch-diffusion-policy-survey>Watch: &quot;diffusion policy&quot; -survey (1)</ul>',
    );
    expect(section).toContain('<a href=#p-2609.00001>Diffusion policy for robots</a>');
    expect(section).not.toContain('A survey of diffusion policy');
    expect(page).toContain('watch: <a class=w href=#watch-diffusion-policy-survey>diffusion-policy-survey</a>');

    const feed = await (await app.request('/watches/diffusion-policy-survey.xml')).text();
    expect(feed).toContain('<title>Diffusion policy for robots</title>');
    expect(feed).not.toContain('A survey of diffusion policy');
    expect(feed).toContain('arxiv-curator:watches/diffusion-policy-survey/2609.00001v1');
    expect((await app.request('/watches/nothing.xml')).status).toBe(404);
    expect(await (await app.request('/feeds.opml')).text()).toContain(
      'xmlUrl="http://127.0.0.1:3000/watches/diffusion-policy-survey.xml"',
    );

    expect((await sendDigest(world.context, '2026-09-24', { sleep: async () => {} })).status).toBe('sent');
    const html = smtp.received[0]!.mail.html as string;
    expect(html).toContain('Watch: &quot;diffusion policy&quot; -survey (1)</h2>');

    const removed = await app.request('/watches/diffusion-policy-survey/remove', {
      method: 'POST',
      headers: { ...FORM, accept: 'application/json' },
    });
    expect(await removed.json()).toEqual({ removed: 'diffusion-policy-survey' });
    expect(await (await app.request('/digest/2026-09-24')).text()).not.toContain('<section id=watches>');
    expect(
      (await app.request('/watches/diffusion-policy-survey/remove', { method: 'POST', headers: FORM })).status,
    ).toBe(404);
  });
});

describe('watches are bounded', () => {
  const post = (app: ReturnType<typeof createApp>, q: string) =>
    app.request('/watches', {
      method: 'POST',
      headers: { ...FORM, accept: 'application/json' },
      body: new URLSearchParams({ q }).toString(),
    });
  const many = (count: number, from = 0) =>
    Array.from({ length: count }, (_, i) => ({ query: `learning -w${from + i}` }));

  it('at 100, and to queries that cost little: each refusal says what is wrong', async () => {
    world = createTestWorld();
    const app = createApp({ context: world.context, holidays: new Set() });
    expect(await addWatches(world.context, many(100))).toHaveLength(100);
    const full = await post(app, 'robot');
    expect(full.status).toBe(409);
    expect(await full.json()).toMatchObject({
      error: 'at most 100 watches: 100 are kept; remove one before adding another',
    });
    await removeWatchBySlug(app, 'learning-w0');
    expect((await post(app, 'robot')).status).toBe(200);
    const short = await post(app, 'robot a*');
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({
      error: 'watch "robot a*": a prefix needs at least 3 letters before the *: a*',
    });
    // A watch runs on every day's papers: its length and its pieces are bounded, not cut.
    const pieces = Array.from({ length: 17 }, (_, i) => `word${i}`).join(' ');
    const crowded = await post(app, pieces);
    expect(crowded.status).toBe(400);
    expect(((await crowded.json()) as { error: string }).error).toMatch(
      /^watch "word0 word1 .*": a watch has at most 16 words, phrases, names and categories$/,
    );
    const long = await post(app, `robot ${'x'.repeat(195)}`);
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: string }).error).toMatch(/: a watch is at most 200 characters$/);
    expect(listWatches(world.context.db)).toHaveLength(100);
  });

  it('and one kept from before a rule says on the watches page why it matches nothing', async () => {
    world = createTestWorld();
    world.ingestDay('2026-09-24', [makePaper({ id: '2609.00001', title: 'Attention' })]);
    insertWatch(world.context.db, { slug: 'a', query: 'a*', mail: true }, '2026-09-01T00:00:00Z');
    const app = createApp({ context: world.context, holidays: new Set() });
    expect(await (await app.request('/watches')).text()).toContain(
      '<span class=warn>matches nothing: a prefix needs at least 3 letters before the *: a*</span>',
    );
    expect(await (await app.request('/digest/2026-09-24')).text()).toContain('<li id=watch-a>Watch: a* (0)');
  });

  it('by marks import too, which adds all of its watches or none', async () => {
    world = createTestWorld();
    world.ingestDay('2026-09-24', [makePaper({ id: '2609.00001' })]);
    await addWatches(world.context, many(60));
    const library = (watches: { query: string }[]) =>
      JSON.stringify({ saved: [{ id: '2609.00001', at: '2026-09-24T08:00:00Z' }], watches });
    await expect(importLibrary(world.context, library(many(41, 60)))).rejects.toThrow(
      'at most 100 watches: 60 are kept, and 41 would be added',
    );
    await expect(importLibrary(world.context, library([{ query: 'robot' }, { query: '"open' }]))).rejects.toThrow(
      'watches[1]: watch ""open": a quote is not closed: "open',
    );
    expect(listWatches(world.context.db)).toHaveLength(60);
    expect(readMarks(world.context.db).size).toBe(0);
    expect(await importLibrary(world.context, library(many(40, 60)))).toMatchObject({ saved: 1, watches: 40 });
    expect(listWatches(world.context.db)).toHaveLength(100);
  });

  it('so that 100 broad watches leave the realistic day one page that refers to each paper once', async () => {
    world = createTestWorld();
    const day = '2026-11-26';
    world.ingestDay(day, buildRealisticDay({ day }));
    const broad = [
      'the',
      'learning',
      'model*',
      'pro*',
      'con*',
      'cs.LG',
      'data -zzz',
      'network*',
      '"of the"',
      'author:wang',
    ];
    await addWatches(
      world.context,
      Array.from({ length: 100 }, (_, i) => ({ query: `${broad[i % broad.length]} -x${i}` })),
    );
    const app = createApp({ context: world.context, holidays: new Set() });
    const page = await (await app.request(`/digest/${day}`)).text();
    expect(Buffer.byteLength(page)).toBeLessThan(5_000_000);
    const start = page.indexOf('<section id=watches>');
    const section = page.slice(start, page.indexOf('</section>', start));
    const referred = [...section.matchAll(/<li data-n=\d+><a href=#p-([^>]+)>/g)].map((match) => match[1]);
    expect(referred.length).toBeGreaterThan(1000);
    expect(new Set(referred).size).toBe(referred.length);
    expect(section).toContain('<li id=watch-the-x0>Watch: the -x0 (');
    expect(page).toMatch(/watch: <a class=w href=#watch-[^>]+>[^<]+<\/a> <a class=w [^]*? and \d+ more/);
  });
});

async function removeWatchBySlug(app: ReturnType<typeof createApp>, slug: string): Promise<void> {
  const removed = await app.request(`/watches/${slug}/remove`, {
    method: 'POST',
    headers: { ...FORM, accept: 'application/json' },
  });
  expect(removed.status).toBe(200);
}
