// Keyword watches on the real app: added from the page's form, highlighted on the day's papers,
// their own section and feed (listed in /feeds.opml), pinned into the mail, removed again.
import { afterEach, describe, expect, it } from 'vitest';
import { sendDigest } from '../../src/mail/send.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';
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
    const section = page.slice(page.indexOf('<section id=watch-diffusion-policy-survey>'));
    expect(section).toMatch(
      /^<section id=watch-diffusion-policy-survey><h2>Watch: &quot;diffusion policy&quot; -survey \(1\)<\/h2>/,
    );
    expect(section.slice(0, section.indexOf('</section>'))).not.toContain('A survey of diffusion policy');
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
    expect(await (await app.request('/digest/2026-09-24')).text()).not.toContain('<section id=watch-');
    expect(
      (await app.request('/watches/diffusion-policy-survey/remove', { method: 'POST', headers: FORM })).status,
    ).toBe(404);
  });
});
