// The realistic day other tests build on: its numbers hold, it is the same on every call,
// and its RSS rendering reads back through the project's own parser unchanged.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAuthorsConfig } from '../../src/curate/authors-config.ts';
import { createMatcher, matchAuthors } from '../../src/curate/authors.ts';
import { parseArxivId } from '../../src/fetcher/ids.ts';
import { parseFeed } from '../../src/fetcher/parse.ts';
import type { AnnounceType, PaperRecord } from '../../src/types.ts';
import {
  REALISTIC_DAY_FACTS,
  buildRealisticDay,
  describeRealisticDay,
  loadOaiRecords,
  renderDayAsRss,
} from '../support/realistic-day.ts';

// Written out here rather than imported, so the test does not share the generator's pattern.
const TEX_ACCENT = /\\['"`^~=.uvHckrdbt]|\{\\[oOlL]\}|\\[oOlL]\b|\\ss/;
const OURS = ['cs.LG', 'stat.ML', 'cs.NE'];

let day: PaperRecord[];
beforeAll(() => {
  day = buildRealisticDay();
});

describe('the real records', () => {
  it('parses all 1,538 records of the two OAI pages', () => {
    const records = loadOaiRecords();
    expect(records).toHaveLength(1538);
    expect(records.every((r) => r.title !== '' && r.abstract !== '')).toBe(true);
  });
});

describe('the default realistic day', () => {
  it('has 1,310 papers with unique, valid new-style ids of November 2026', () => {
    expect(day).toHaveLength(REALISTIC_DAY_FACTS.count);
    expect(new Set(day.map((p) => p.id)).size).toBe(day.length);
    for (const p of day) expect(parseArxivId(p.id), p.id).toEqual({ id: p.id, version: null });
    expect(day.every((p) => /^2611\.\d{5}$/.test(p.id))).toBe(true);
  });

  it('has distinct abstracts of 1,000 to 1,800 characters and real titles', () => {
    const lengths = day.map((p) => p.abstract.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(1800);
    expect(new Set(day.map((p) => p.abstract)).size).toBe(day.length);
    // Every abstract opens with a real record's whole abstract or a real part of one.
    const real = loadOaiRecords().map((r) => r.abstract.slice(0, 200));
    expect(day.filter((p) => !real.some((start) => start.startsWith(p.abstract.slice(0, 100)))).length).toBe(0);
  });

  it('has 49 TeX titles, one with a formula no renderer can parse, and titles with < and &', () => {
    expect(day.filter((p) => p.title.includes('$'))).toHaveLength(REALISTIC_DAY_FACTS.texTitles);
    expect(REALISTIC_DAY_FACTS.texTitles).toBe(49);
    const broken = day.find((p) => p.id === REALISTIC_DAY_FACTS.brokenFormulaId)!;
    expect(broken.title).toContain('$\\frac{1}{\\sqrt{n}$');
    expect(day.filter((p) => p.title.includes('<')).length).toBeGreaterThanOrEqual(2);
    expect(day.filter((p) => p.title.includes('&')).length).toBeGreaterThanOrEqual(2);
    expect(day.some((p) => p.title.includes('$n < m$'))).toBe(true);
  });

  it("has 53 distinct TeX-accented author names, and three Horv\\'ath papers", () => {
    const accented = new Set(day.flatMap((p) => p.authors).filter((n) => TEX_ACCENT.test(n)));
    expect(accented.size).toBeGreaterThanOrEqual(53);
    expect(accented.size).toBe(REALISTIC_DAY_FACTS.accentedNames);
    const horvath = day.filter((p) => p.authors.some((n) => n.includes("Horv\\'ath"))).map((p) => p.id);
    expect(horvath.length).toBeGreaterThanOrEqual(2);
    expect(horvath).toEqual(REALISTIC_DAY_FACTS.horvathIds);
  });

  it('has 25 papers with 50 to 178 authors, one with exactly 178 and one with exactly 50', () => {
    const sizes = day.map((p) => p.authors.length).filter((n) => n >= 50);
    expect(sizes).toHaveLength(REALISTIC_DAY_FACTS.longAuthorLists);
    expect(Math.max(...sizes)).toBe(178);
    expect(sizes.filter((n) => n === 178)).toHaveLength(1);
    expect(sizes.filter((n) => n === 50)).toHaveLength(1);
    for (const p of day) expect(new Set(p.authors).size, p.id).toBe(p.authors.length);
  });

  it('lists announce types in realistic shares, with versions and categories to match', () => {
    const types: AnnounceType[] = ['new', 'cross', 'replace', 'replace-cross'];
    const shares = { new: 45, cross: 15, replace: 30, 'replace-cross': 10 };
    for (const t of types) {
      const n = day.filter((p) => p.announceType === t).length;
      expect(Math.abs((100 * n) / day.length - shares[t]), t).toBeLessThanOrEqual(3);
      expect(n).toBe(REALISTIC_DAY_FACTS.announceTypes[t]);
    }
    for (const p of day) {
      const replaced = p.announceType === 'replace' || p.announceType === 'replace-cross';
      const crossListed = p.announceType === 'cross' || p.announceType === 'replace-cross';
      if (replaced) expect(p.version).toBeGreaterThanOrEqual(2);
      if (replaced) expect(p.version).toBeLessThanOrEqual(5);
      else expect(p.version).toBe(1);
      expect(OURS.includes(p.categories[0]!), p.id).toBe(!crossListed);
      expect(p.categories.some((c) => OURS.includes(c))).toBe(true);
      expect(p.license).toMatch(/^http:\/\/(arxiv|creativecommons)\.org\//);
    }
    expect(day.filter((p) => p.comment !== undefined).length).toBeGreaterThan(day.length / 2);
    expect(day.filter((p) => p.doi !== undefined).length).toBeGreaterThan(20);
  });

  it('is in arXiv order: by announce type, then id descending', () => {
    const order = ['new', 'cross', 'replace', 'replace-cross'];
    for (let i = 1; i < day.length; i++) {
      const [a, b] = [day[i - 1]!, day[i]!];
      const rank = order.indexOf(a.announceType!) - order.indexOf(b.announceType!);
      expect(rank < 0 || (rank === 0 && a.id > b.id), `${a.id} before ${b.id}`).toBe(true);
    }
  });

  it('stars exactly the starred papers under the shipped authors.json, never a namesake', () => {
    const { authors } = loadAuthorsConfig(fileURLToPath(new URL('../../config/authors.json', import.meta.url)));
    const matcher = createMatcher(authors);
    const flagged = day.filter((p) => matchAuthors(matcher, p.authors).length > 0).map((p) => p.id);
    expect(flagged).toEqual(REALISTIC_DAY_FACTS.starredIds);
    expect(flagged).toHaveLength(16);
    expect(REALISTIC_DAY_FACTS.namesakeIds.length).toBeGreaterThanOrEqual(3);
    expect(REALISTIC_DAY_FACTS.namesakeIds.filter((id) => flagged.includes(id))).toEqual([]);
    const written = new Set(day.flatMap((p) => p.authors));
    for (const name of ["G\\'abor Melis", 'Y. Bengio', 'Geoffrey E. Hinton', 'Samy Bengio'])
      expect(written.has(name), name).toBe(true);
  });

  it('is the same on every call, and its facts read back from the papers', () => {
    expect(buildRealisticDay()).toEqual(day);
    const { starredIds, namesakeIds, horvathIds, brokenFormulaId, markupTitleIds, ...counts } =
      describeRealisticDay(day);
    expect(counts).toEqual({
      count: 1310,
      announceTypes: REALISTIC_DAY_FACTS.announceTypes,
      texTitles: 49,
      accentedNames: 53,
      longAuthorLists: 25,
      maxAuthors: 178,
    });
    expect({ starredIds, namesakeIds, horvathIds, brokenFormulaId, markupTitleIds }).toEqual({
      starredIds: REALISTIC_DAY_FACTS.starredIds,
      namesakeIds: REALISTIC_DAY_FACTS.namesakeIds,
      horvathIds: REALISTIC_DAY_FACTS.horvathIds,
      brokenFormulaId: REALISTIC_DAY_FACTS.brokenFormulaId,
      markupTitleIds: REALISTIC_DAY_FACTS.markupTitleIds,
    });
  });
});

describe('renderDayAsRss', () => {
  it('reads back through parseFeed as the same papers (all but the comment, which RSS does not carry)', () => {
    const feed = parseFeed(renderDayAsRss('2026-11-26', day), 'x');
    expect(feed.format).toBe('rss');
    expect(feed.announcedOn).toBe('2026-11-26');
    expect(feed.papers).toEqual(day.map(({ comment: _comment, ...rest }) => rest));
  });

  it('writes the channel as arXiv does, with the Eastern offset of the day', () => {
    const winter = renderDayAsRss('2026-11-26', day.slice(0, 3));
    expect(winter).toContain('<title>cs.LG, cs.NE, stat.ML updates on arXiv.org</title>');
    expect(winter).toContain('<link>http://rss.arxiv.org/rss/cs.LG+cs.NE+stat.ML</link>');
    expect(winter).toContain('<pubDate>Thu, 26 Nov 2026 00:00:00 -0500</pubDate>');
    expect(winter).toContain('<lastBuildDate>Thu, 26 Nov 2026 05:00:01 +0000</lastBuildDate>');
    const summer = renderDayAsRss('2026-09-24', day.slice(0, 1), 'cs.LG');
    expect(summer).toContain('<pubDate>Thu, 24 Sep 2026 00:00:00 -0400</pubDate>');
    expect(summer).toContain('<title>cs.LG updates on arXiv.org</title>');
    // The first Sunday of November is still EDT at midnight; the switch happens at 02:00.
    expect(renderDayAsRss('2026-11-01', [])).toContain('00:00:00 -0400</pubDate>');
    expect(renderDayAsRss('2026-03-08', [])).toContain('00:00:00 -0500</pubDate>');
  });

  it('writes items as arXiv does, text escaped', () => {
    const paper = day.find((p) => p.title.includes('<'))!;
    const xml = renderDayAsRss('2026-11-26', [paper]);
    expect(xml).toContain(
      `<description>arXiv:${paper.id}v${paper.version} Announce Type: ${paper.announceType} \nAbstract: `,
    );
    expect(xml).toContain(`<guid isPermaLink="false">oai:arXiv.org:${paper.id}v${paper.version}</guid>`);
    expect(xml).toContain(`<link>https://arxiv.org/abs/${paper.id}</link>`);
    expect(xml).toContain('&lt;');
    expect(xml).not.toMatch(/<title>[^<]*<(?!\/title>)/);
  });
});

describe('other days', () => {
  it('builds a smaller day of another month with its own ids, the hard cases intact', () => {
    const other = buildRealisticDay({ day: '2027-03-09', count: 300, starred: 4 });
    const facts = describeRealisticDay(other);
    expect(other.every((p) => p.id.startsWith('2703.'))).toBe(true);
    expect(facts).toMatchObject({ count: 300, texTitles: 49, accentedNames: 53, longAuthorLists: 25, maxAuthors: 178 });
    expect(facts.starredIds).toHaveLength(4);
    expect(() => buildRealisticDay({ count: 5000 })).toThrow(RangeError);
  });

  it('gives two days of one month disjoint new ids', () => {
    const ids = (d: PaperRecord[]) => new Set(d.filter((p) => p.announceType === 'new').map((p) => p.id));
    const next = ids(buildRealisticDay({ day: '2026-11-27' }));
    expect([...ids(day)].filter((id) => next.has(id))).toEqual([]);
  });
});
