// The mail of the realistic full-size day, delivered to a real SMTP server on 127.0.0.1: the HTML
// part stays under Gmail's clipping size with the starred papers first in full, the text part
// carries every paper, both carry every starred abstract and a link to the day's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { sendDigest } from '../../src/mail/send.ts';
import { texToPlain } from '../../src/text/tex.ts';
import type { TestWorld } from '../support/build-db.ts';
import { REALISTIC_DAY_FACTS, buildRealisticDay } from '../support/realistic-day.ts';
import { REALISTIC_DAY, createRealisticWorld } from '../support/realistic-world.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';
import { storeSourceItems } from '../../src/store/write/source-items.ts';

// Gmail clips a message whose HTML is over 102 KB.
const GMAIL_CLIP = 102 * 1000;
const PAGE = `https://curator.example.org/digest/${REALISTIC_DAY}`;

/** Text as the reader sees it: whitespace of the wrapping folded. */
const folded = (text: string) => text.replace(/\s+/g, ' ');

describe('the mail of the realistic day', () => {
  let world: TestWorld;
  let smtp: TestSmtp;
  let mail: ParsedMail;
  let html: string;
  const papers = buildRealisticDay();
  const starred = new Set(REALISTIC_DAY_FACTS.starredIds);

  beforeAll(async () => {
    smtp = await startSmtp();
    world = createRealisticWorld({
      env: { SMTP_URL: smtp.url, DIGEST_TO: 'reader@example.org', PUBLIC_URL: 'https://curator.example.org' },
    });
    // Three of the day's blog posts, with summaries as long as the blogs' part keeps them.
    const posts = [1, 2, 3].map((n) => ({
      id: `https://blog.example/${n}`,
      title: `Blog post ${n} about <training> & tuning`,
      url: `https://blog.example/${n}`,
      summary: `${'A long summary sentence. '.repeat(16)}`.trim(),
      published: `${REALISTIC_DAY}T02:00:00Z`,
    }));
    const at = `${REALISTIC_DAY}T05:00:00Z`;
    storeSourceItems(world.context.db, posts, { feedId: 'k', feedTitle: 'Karpathy', day: REALISTIC_DAY, now: at });
    const outcome = await sendDigest(world.context, REALISTIC_DAY, { sleep: async () => {} });
    expect(outcome.status).toBe('sent');
    mail = smtp.received[0]!.mail;
    html = mail.html as string;
    console.log(
      `mail of the realistic day: HTML part ${Buffer.byteLength(html)} bytes, text part ${Buffer.byteLength(mail.text!)} bytes`,
    );
  }, 60_000);

  afterAll(async () => {
    await smtp?.close();
    world?.close();
  });

  it('keeps the HTML part under Gmail’s 102 KB clip, and says how many papers are left to the web', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(GMAIL_CLIP);
    const listed = html.match(/<li><a href=/g)?.length ?? 0;
    const more = /…and (\d+) more <a href="([^"]+)"[^>]*>on the web<\/a>/.exec(html);
    expect(more).not.toBeNull();
    expect(more![2]).toBe(PAGE);
    console.log(
      `HTML part: ${listed} of the ${papers.length - starred.size} other papers, ${more![1]} more on the web`,
    );
    expect(listed).toBeGreaterThan(300);
    expect(listed + Number(more![1])).toBe(papers.length - starred.size);
  });

  it('carries the day’s blog posts after the starred papers in both parts', () => {
    expect(html).toContain('From the blogs (3)');
    expect(html).toContain('Blog post 1 about &lt;training&gt; &amp; tuning');
    expect(mail.text).toContain('From the blogs (3)');
    expect(mail.text!.indexOf('From the blogs')).toBeLessThan(mail.text!.indexOf('New submissions ('));
  });

  it('puts the starred papers first in both parts, with every author and the abstract', () => {
    for (const [name, part] of [
      ['html', folded(html)],
      ['text', folded(mail.text!)],
    ] as const) {
      for (const paper of papers.filter((candidate) => starred.has(candidate.id))) {
        const at = part.indexOf(`https://arxiv.org/abs/${paper.id}`);
        expect(at, `${name} ${paper.id}`).toBeGreaterThan(0);
        expect(at, name).toBeLessThan(part.indexOf('New submissions ('));
        const authors = paper.authors.map(texToPlain);
        expect(part, `${name} ${paper.id}`).toContain(authors[authors.length - 1]!);
        const abstract = texToPlain(paper.abstract).replace(/\s+/g, ' ');
        expect(part, `${name} ${paper.id}`).toContain(name === 'html' ? escapeText(abstract) : abstract);
      }
      expect(part, name).not.toMatch(/\\['"]|\\v\{/);
      expect(part, name).toContain(PAGE);
    }
  });

  it('lists every other paper compactly in the text part, wrapped at 78, then links the page', () => {
    const text = mail.text!;
    for (const line of text.split('\n')) if (!/https?:\/\//.test(line)) expect(line.length).toBeLessThanOrEqual(78);
    for (const paper of papers) expect(text, paper.id).toContain(`  https://arxiv.org/abs/${paper.id}\n`);
    expect(text.trimEnd().endsWith(`On the web: ${PAGE}`)).toBe(true);
  });
});

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
