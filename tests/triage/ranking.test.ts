// The ranking as the reader meets it, on the realistic full-size day (1,310 real abstracts, the
// shipped starred authors): "For you" after the starred section with a why per paper, the day
// sorted by score, the JSON digest's score and why, the mail and the daily feed carrying "For you"
// with abstracts (the mail still under Gmail's clip); and the second circle on a small day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { ensureRankModel, readTrainingJob } from '../../src/jobs/retrain.ts';
import { buildCircle, findCircle } from '../../src/rank/circle.ts';
import { createTfidfRanker } from '../../src/rank/tfidf-ranker.ts';
import { cutoffIndex } from '../../src/rank/cutoff.ts';
import { sendDigest } from '../../src/mail/send.ts';
import { createApp } from '../../src/server.ts';
import { createTestWorld, makePaper, type TestWorld } from '../support/build-db.ts';
import { REALISTIC_DAY, createRealisticWorld } from '../support/realistic-world.ts';
import { startSmtp, type TestSmtp } from '../mail/smtp.ts';

const GMAIL_CLIP = 102 * 1000;

interface JsonPaper {
  id: string;
  title: string;
  abstract: string;
  starred: unknown[];
  score: number | null;
  why: string | null;
  circle: string[];
}

describe('the realistic day, ranked from the starred authors and a few saved papers', () => {
  let world: TestWorld;
  let app: Hono;
  let smtp: TestSmtp;
  let papers: JsonPaper[];

  beforeAll(async () => {
    smtp = await startSmtp();
    world = createRealisticWorld({ env: { SMTP_URL: smtp.url, DIGEST_TO: 'reader@example.org' } });
    app = createApp({ context: world.context, holidays: new Set() });
    const untrained = await (await app.request(`/digest/${REALISTIC_DAY}`)).text();
    expect(untrained).toContain('Star an author, add a watch or save a paper to rank the day');
    expect(untrained).toContain('by score (no ranking yet)');
    const json = (await (await app.request(`/digest/${REALISTIC_DAY}.json`)).json()) as { papers: JsonPaper[] };
    // Save three papers about quantum physics: the day's quantum papers should rise.
    const quantum = json.papers.filter((paper) => /quantum/i.test(paper.title) && paper.starred.length === 0);
    for (const paper of quantum.slice(0, 3))
      await app.request(`/papers/${paper.id}/save`, { method: 'POST', headers: { origin: 'http://127.0.0.1:3000' } });
    expect(ensureRankModel(world.context)).toBe(true);
    expect(ensureRankModel(world.context)).toBe(false);
    papers = ((await (await app.request(`/digest/${REALISTIC_DAY}.json`)).json()) as { papers: JsonPaper[] }).papers;
  }, 120_000);

  afterAll(async () => {
    await smtp?.close();
    world?.close();
  });

  it('gives every paper a score and a why in the JSON digest', () => {
    expect(papers).toHaveLength(1310);
    for (const paper of papers) {
      expect(paper.score).toBeGreaterThanOrEqual(0);
      expect(paper.score).toBeLessThanOrEqual(1);
      expect(paper.why).toMatch(/\w/);
    }
  });

  it('shows "For you" after the starred section: the papers above the cut-off, a line each with its chance, its why and a link to its place', async () => {
    const html = await (await app.request(`/digest/${REALISTIC_DAY}`)).text();
    const saved = new Set(
      ((await (await app.request('/saved.json')).json()) as { saved: { id: string }[] }).saved.map((s) => s.id),
    );
    const candidates = papers
      .filter((paper) => paper.starred.length === 0 && !saved.has(paper.id))
      .sort((a, b) => b.score! - a.score!);
    // The cut-off: where the chances below the line add up to less than one save.
    const above = cutoffIndex(candidates.map((paper) => paper.score!));
    const expected = candidates.slice(0, above);
    const below = candidates.slice(above).reduce((sum, paper) => sum + paper.score!, 0);
    console.info(`"For you" holds ${above} papers; ${below.toFixed(2)} saves expected below the cut-off`);
    expect(below).toBeLessThan(1);
    expect(above).toBeGreaterThan(0);
    const starredAt = html.indexOf('<section id=starred>');
    const forYouAt = html.indexOf(`<section id=foryou><h2>For you (${above})</h2>`);
    expect(starredAt).toBeGreaterThan(0);
    expect(forYouAt).toBeGreaterThan(starredAt);
    expect(forYouAt).toBeLessThan(html.indexOf('<section id=new>'));
    const section = html.slice(forYouAt, html.indexOf('</section>', forYouAt));
    expect(section).toContain('The ranking is still learning: 3 saves so far.');
    // A line per paper, best first: its chance, its title linking to its one place in the day, its why.
    const lines = [...section.matchAll(/<li data-n=\d+>(\d+)% <a href=#p-([\d.]+)>[^<]+<\/a> · ([^<\n]+)/g)];
    expect(lines).toHaveLength(above);
    expect(lines.map((line) => Number(line[1]))).toEqual(expected.map((paper) => Math.round(paper.score! * 100)));
    expect(section).toMatch(/ · like \d+ saved papers?: [^<]+/);
    expect(section).not.toContain('<details class=ab');
    expect(lines.map((line) => line[2])).toEqual(expected.map((paper) => paper.id));
    for (const paper of expected.slice(0, 20)) expect(html).toContain(`<li id=p-${paper.id} `);
    // The quantum papers rise.
    const quantum = (paper: JsonPaper) => /quantum|qubit|entangle/i.test(`${paper.title} ${paper.abstract}`);
    const top = expected.slice(0, 10);
    const share = papers.filter(quantum).length / papers.length;
    console.info(`quantum papers: ${top.filter(quantum).length} of the top 10, ${share.toFixed(3)} of the day`);
    expect(top.filter(quantum).length / 10).toBeGreaterThanOrEqual(2 * share);
  });

  it('badges at most a tenth of the day, and for a reader of the circle only its papers: nobody is his own co-author', () => {
    const { job } = readTrainingJob(world.context.db, world.context.starred.current().names);
    const circle = buildCircle(job.set.circle);
    const day = new Set(papers.map((paper) => paper.id));
    const scored = job.papers.filter((paper) => day.has(paper.id));
    expect(scored).toHaveLength(papers.length);
    const members = scored.filter((paper) => findCircle(paper, circle).length > 0);
    for (const paper of scored) {
      const own = (paper.starred ?? []).map((match) => match.name);
      for (const name of findCircle(paper, circle)) expect(own, paper.id).not.toContain(name);
    }
    for (const paper of papers.filter((paper) => paper.starred.length > 0)) {
      const named = /co-author of (.+)$/.exec(paper.why ?? '')?.[1];
      const own = (paper.starred as { name: string }[]).map((match) => match.name);
      if (named !== undefined) expect(own, paper.id).not.toContain(named);
      for (const name of paper.circle) expect(own, paper.id).not.toContain(name);
    }
    // This reader saves quantum papers.
    expect(papers.filter((paper) => paper.circle.length > 0).length).toBeLessThanOrEqual(0.1 * papers.length);
    // A reader who saves five papers of the circle: the badge fires, on the circle's papers only
    // (on this day a tenth of it: three real authors of the fixture's 66, 46 and 36 papers wrote
    // a small paper with a starred author).
    const saved = new Set(
      members
        .filter((paper) => (paper.starred ?? []).length === 0)
        .slice(0, 5)
        .map((p) => p.id),
    );
    const examples = job.set.examples.map((example) =>
      saved.has(example.id) ? { ...example, kind: 'saved' as const } : example,
    );
    const ranker = createTfidfRanker();
    expect(ranker.train({ ...job.set, examples })).toBe(true);
    const badged = scored.filter((paper) => ranker.circleOf(paper).length > 0);
    console.info(
      `in the second circle: ${members.length} of ${scored.length}; badged for its reader: ${badged.length}`,
    );
    expect(badged.length).toBeGreaterThan(0);
    const inCircle = new Set(members.map((paper) => paper.id));
    for (const paper of badged) expect(inCircle.has(paper.id), paper.id).toBe(true);
    expect(members.length).toBeLessThan(0.11 * scored.length);
  });

  it('sorts each section by score with ?sort=score, and keeps arXiv order without', async () => {
    const sorted = await (await app.request(`/digest/${REALISTIC_DAY}?sort=score`)).text();
    const newSection = sorted.slice(
      sorted.indexOf('<section id=new>'),
      sorted.indexOf('</section>', sorted.indexOf('<section id=new>')),
    );
    const ids = [...newSection.matchAll(/<li id=p-([\d.]+)/g)].map((match) => match[1]!);
    const score = new Map(papers.map((paper) => [paper.id, paper.score!]));
    // Within each category group the order is by score, best first.
    const firstGroup = ids.slice(0, 20);
    expect(firstGroup.map((id) => score.get(id)!)).toEqual(
      [...firstGroup.map((id) => score.get(id)!)].sort((a, b) => b - a),
    );
    expect(sorted).toContain('<b>by score</b>');
    const plain = await (await app.request(`/digest/${REALISTIC_DAY}`)).text();
    expect(plain).toContain('<b>arXiv</b>');
    const plainIds = [...plain.matchAll(/<li id=p-([\d.]+)/g)].map((match) => match[1]!);
    expect(plainIds).not.toEqual([...plainIds].sort((a, b) => score.get(b)! - score.get(a)!));
    expect((await app.request(`/digest/${REALISTIC_DAY}?sort=random`)).status).toBe(400);
  });

  it('mails "For you" with abstracts after the starred papers, under Gmail’s clip, and puts it in the daily feed', async () => {
    expect((await sendDigest(world.context, REALISTIC_DAY, { sleep: async () => {} })).status).toBe('sent');
    const mail = smtp.received[0]!.mail;
    const html = mail.html as string;
    expect(Buffer.byteLength(html)).toBeLessThan(GMAIL_CLIP);
    const forYou = html.search(/For you \(\d+\)<\/h2>/);
    expect(forYou).toBeGreaterThan(html.indexOf('Starred authors ('));
    const top = papers.find((paper) => html.slice(forYou).includes(`/abs/${paper.id}"`) && paper.starred.length === 0)!;
    expect(top).toBeDefined();
    expect(mail.text).toMatch(/For you \(\d+\)/);
    const feed = await (await app.request('/rss/daily.xml')).text();
    expect(feed).toMatch(/&lt;h2&gt;For you \(\d+\)&lt;\/h2&gt;/);
  });

  it('finds similar papers from the same vectors', async () => {
    const target = papers.find((paper) => /quantum/i.test(paper.title))!;
    const page = await (await app.request(`/papers/${target.id}/similar`)).text();
    expect(page).toContain('<h2>Similar papers of the last week</h2>');
    expect(page.match(/<li id=p-/g)?.length).toBe(10);
    expect((await app.request('/papers/2611.99999/similar')).status).toBe(404);
  });
});

describe('the second circle', () => {
  let world: TestWorld | undefined;
  afterAll(() => world?.close());

  it('badges a paper by a co-author of a starred author once the reader saves such papers, naming one', async () => {
    world = createTestWorld();
    const filler = (day: string, count: number) =>
      Array.from({ length: count }, (_, i) =>
        makePaper({ title: `Filler ${day} ${i}`, authors: [`Writer ${day} ${i}`, `Helper ${day} ${i}`] }),
      );
    world.ingestDay('2026-09-23', [
      makePaper({ id: '2609.00001', title: 'Deep nets', authors: ['Yoshua Bengio', 'Aaron Courville'] }),
      makePaper({ id: '2609.00004', title: 'Tricks', authors: ['Aaron Courville', 'Ian Goodfellow'] }),
      makePaper({ id: '2609.00005', title: 'More tricks', authors: ['Aaron Courville', 'Hugo Larochelle'] }),
      ...filler('a', 30),
    ]);
    world.ingestDay('2026-09-24', [
      makePaper({ id: '2609.00002', title: 'Alone at last', authors: ['Aaron Courville', 'Ada Lovelace'] }),
      makePaper({ id: '2609.00003', title: 'Strangers', authors: ['Grace Hopper'] }),
      makePaper({ id: '2609.00006', title: 'Together again', authors: ['Yoshua Bengio', 'Aaron Courville'] }),
      ...filler('b', 30),
    ]);
    const app = createApp({ context: world.context, holidays: new Set() });
    const json = async () =>
      ((await (await app.request('/digest/2026-09-24.json')).json()) as { papers: JsonPaper[] }).papers;
    // Before any save the circle has shown nothing of its worth to this reader: no badge.
    ensureRankModel(world.context);
    expect((await json()).filter((paper) => paper.circle.length > 0)).toEqual([]);
    for (const id of ['2609.00004', '2609.00005'])
      await app.request(`/papers/${id}/save`, { method: 'POST', headers: { origin: 'http://127.0.0.1:3000' } });
    ensureRankModel(world.context);
    const papers = await json();
    const courville = papers.find((paper) => paper.id === '2609.00002')!;
    const hopper = papers.find((paper) => paper.id === '2609.00003')!;
    const own = papers.find((paper) => paper.id === '2609.00006')!;
    expect(courville).toMatchObject({ id: '2609.00002', circle: ['Yoshua Bengio'] });
    expect(courville.why).toContain('co-author of Yoshua Bengio');
    expect(hopper.circle).toEqual([]);
    // A starred author is not his own co-author.
    expect(own.circle).toEqual([]);
    expect(own.why ?? '').not.toContain('co-author');
    expect(courville.score!).toBeGreaterThan(hopper.score!);
    const html = await (await app.request('/digest/2026-09-24')).text();
    expect(html).toContain('<span class=c>2nd circle: co-author of Yoshua Bengio</span>');
  });
});
