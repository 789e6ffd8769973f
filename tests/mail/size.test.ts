// The mail of the realistic full-size day, ranked from three saved papers, with a watch and the
// blogs' posts, delivered to a real SMTP server on 127.0.0.1 and measured as received: the HTML
// part (its transfer encoding included) under Gmail's clip, the whole message under 150 KB; in
// both parts the starred papers first in full, then "For you" with its why and abstracts, then
// the watch's matches, then the blogs, then one line with the day's counts and the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { addWatch } from '../../src/actions/watches.ts';
import { markStoredPapers } from '../../src/actions/marks.ts';
import { ensureRankModel } from '../../src/jobs/retrain.ts';
import { sendDigest } from '../../src/mail/send.ts';
import { storeSourceItems } from '../../src/store/write/source-items.ts';
import { texToUnicode } from '../../src/text/tex-math.ts';
import { loadDayDigest } from '../../src/views/day.ts';
import type { DigestView } from '../../src/views/types.ts';
import type { TestWorld } from '../support/build-db.ts';
import { REALISTIC_DAY_FACTS, buildRealisticDay } from '../support/realistic-day.ts';
import { REALISTIC_DAY, createRealisticWorld } from '../support/realistic-world.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';

const HTML_BUDGET = 100_000;
const MESSAGE_BUDGET = 150_000;
const PAGE = `https://curator.example.org/digest/${REALISTIC_DAY}`;

/** Text as the reader sees it: whitespace of the wrapping folded. */
const folded = (text: string) => text.replace(/\s+/g, ' ');

/** A MIME part of the raw message as it came over the wire: its headers and its encoded body. */
function rawPart(raw: string, type: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)![1]!;
  const part = raw.split(`--${boundary}`).find((candidate) => candidate.includes(`Content-Type: ${type}`));
  expect(part, type).toBeDefined();
  return part!;
}

describe('the mail of the realistic day', () => {
  let world: TestWorld;
  let smtp: TestSmtp;
  let mail: ParsedMail;
  let raw: string;
  let html: string;
  let view: DigestView;
  const papers = buildRealisticDay();
  const starred = new Set(REALISTIC_DAY_FACTS.starredIds);

  beforeAll(async () => {
    smtp = await startSmtp();
    world = createRealisticWorld({
      env: { SMTP_URL: smtp.url, DIGEST_TO: 'reader@example.org', PUBLIC_URL: 'https://curator.example.org' },
    });
    const { context } = world;
    const quantum = papers.filter((paper) => /quantum/i.test(paper.title) && !starred.has(paper.id));
    await markStoredPapers(
      context,
      quantum.slice(0, 3).map((paper) => paper.id),
      { kind: 'saved', undo: false },
    );
    expect(ensureRankModel(context)).toBe(true);
    await addWatch(context, 'graph');
    const posts = [1, 2, 3].map((n) => ({
      id: `https://blog.example/${n}`,
      title: `Blog post ${n} about <training> & tuning`,
      url: `https://blog.example/${n}`,
      summary: `${'A long summary sentence. '.repeat(16)}`.trim(),
      published: `${REALISTIC_DAY}T02:00:00Z`,
    }));
    const at = `${REALISTIC_DAY}T05:00:00Z`;
    storeSourceItems(context.db, posts, { feedId: 'k', feedTitle: 'Karpathy', day: REALISTIC_DAY, now: at });
    view = loadDayDigest(context, new Set(), REALISTIC_DAY).view;
    const outcome = await sendDigest(context, REALISTIC_DAY, { sleep: async () => {} });
    expect(outcome.status).toBe('sent');
    ({ raw, mail } = smtp.received[0]!);
    html = mail.html as string;
    const sizes = `HTML part ${Buffer.byteLength(rawPart(raw, 'text/html'))} B as sent (${Buffer.byteLength(html)} decoded), text part ${Buffer.byteLength(rawPart(raw, 'text/plain'))} B, message ${Buffer.byteLength(raw)} B`;
    console.log(`mail of the realistic day: ${sizes}`);
  }, 120_000);

  afterAll(async () => {
    await smtp?.close();
    world?.close();
  });

  it('keeps the HTML part as sent under Gmail’s clip and the whole message under 150 KB', () => {
    expect(Buffer.byteLength(rawPart(raw, 'text/html'))).toBeLessThanOrEqual(HTML_BUDGET);
    expect(Buffer.byteLength(raw)).toBeLessThan(MESSAGE_BUDGET);
  });

  it('orders both parts: starred, For you, the watch, the blogs, then the day’s counts and page', () => {
    expect(view.forYou.papers.length).toBeGreaterThan(0);
    for (const part of [html, mail.text!]) {
      const at = [
        'Starred authors (',
        `For you (${view.forYou.papers.length})`,
        'Watch: graph (',
        'From the blogs (3)',
        '1,310 papers today: Starred authors 16',
      ].map((marker) => part.indexOf(marker));
      expect(at.every((index) => index >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(part).toContain(PAGE);
      // Arbitrary papers of the day stay on the page.
      const shown = new Set([...view.papers.filter((p) => p.watches?.length), ...view.forYou.papers].map((p) => p.id));
      const other = view.papers.find((paper) => !shown.has(paper.id) && paper.starred.length === 0)!;
      expect(part).not.toContain(`/abs/${other.id}`);
    }
  });

  it('gives every starred paper in full: authors folded like the page, abstract, arXiv links', () => {
    for (const [name, part] of [
      ['html', folded(html)],
      ['text', folded(mail.text!)],
    ] as const) {
      for (const paper of view.sections[0]!.papers) {
        const at = part.indexOf(`https://arxiv.org/abs/${paper.id}`);
        expect(at, `${name} ${paper.id}`).toBeGreaterThan(0);
        expect(at, name).toBeLessThan(part.indexOf('For you ('));
        expect(part, `${name} ${paper.id}`).toContain(`https://arxiv.org/pdf/${paper.id}v`);
        const authors = paper.authors.map(texToUnicode);
        expect(part, `${name} ${paper.id}`).toContain(escape(name, authors[0]!));
        if (paper.authors.length > paper.shownAuthors)
          expect(part, `${name} ${paper.id}`).toContain(`and ${paper.authors.length - paper.shownAuthors} more`);
        const abstract = folded(texToUnicode(paper.abstract));
        expect(part, `${name} ${paper.id}`).toContain(escape(name, abstract));
      }
      expect(part, name).not.toMatch(/\\['"]|\\v\{/);
      expect(part, name).not.toMatch(/\$\\/);
    }
  });

  it('gives "For you" its why and abstracts, in the order of the view', () => {
    const first = view.forYou.papers[0]!;
    const at = html.indexOf(`https://arxiv.org/abs/${first.id}`);
    expect(at).toBeGreaterThan(html.indexOf('For you ('));
    expect(folded(html)).toContain(escape('html', folded(texToUnicode(first.abstract))));
    expect(first.why).toBeTruthy();
    expect(html).toContain(escape('html', first.why!));
    expect(mail.text).toContain(first.why!);
  });

  it('links papers to arXiv, and to the site only for the day and a paper’s save or hide', () => {
    for (const [name, part] of [
      ['html', [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'))],
      ['text', mail.text!.match(/https?:\/\/\S+/g)!],
    ] as const) {
      const site = part.filter((url) => url.startsWith('https://curator.example.org'));
      expect(site.length, name).toBeGreaterThan(view.sections[0]!.papers.length);
      for (const url of site)
        expect(url, name).toMatch(new RegExp(`^${PAGE.replace(/\./g, '\\.')}(#p-\\d{4}\\.\\d{5})?$`));
      const papers = part.filter(
        (url) => !url.startsWith('https://curator.example.org') && !url.includes('blog.example'),
      );
      for (const url of papers) expect(url, name).toMatch(/^https:\/\/arxiv\.org\/(abs|pdf)\//);
    }
  });

  it('wraps the text part at 78 columns, URLs whole', () => {
    for (const line of mail.text!.split('\n'))
      if (!/https?:\/\//.test(line)) expect(line.length).toBeLessThanOrEqual(78);
  });
});

function escape(part: 'html' | 'text', text: string): string {
  if (part === 'text') return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
