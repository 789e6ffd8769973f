// A small deterministic fuzz corpus: seeded mutations of the real captures
// (hostile references and control characters, emptied fields, impossible dates, cut and doubled
// slices, bytes that are not UTF-8). Whatever a mutant is, it is refused with one line naming its
// source, or every paper it yields is valid and clean, stores, and renders without a control character.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/fetcher/errors.ts';
import { parseFeed } from '../../src/fetcher/parse.ts';
import { decodeUtf8Strict, Utf8Error } from '../../src/fetcher/utf8.ts';
import { findDayProblem, findPaperProblem } from '../../src/fetcher/validate.ts';
import { renderDigestText } from '../../src/render/text.ts';
import { openDb } from '../../src/store/db.ts';
import { getDayPapers } from '../../src/store/read/digest.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { hasControlCharacters } from '../../src/text/control.ts';
import type { ParsedFeed } from '../../src/types.ts';
import { buildDigestView } from '../../src/views/digest.ts';
import { createRandom, type Random } from '../support/seeded-random.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/arxiv');
const corpus = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.xml') && statSync(join(FIXTURES, name)).size < 60_000)
  .sort();
const MUTANTS = 40;

const HOSTILE = [
  '&#x1b;[2J',
  '&#0;',
  '&#x9b;31m',
  '\u0007',
  '\u001b]8;;x\u0007',
  '&#xD800;',
  '&amp;#x1b;',
  '\r',
  '&#127;',
];
const DATES = ['0000-04-27', '1900-01-01', '2026-04-25', '2026-02-31', '9999-12-31'];
const RFC822_DATES = ['Sat, 25 Apr 2026', 'Mon, 27 Apr 0000', 'Mon, 01 Jan 1900', 'Sun, 26 Apr 2026'];
const FIELDS = [
  'title',
  'dc:creator',
  'name',
  'category',
  'summary',
  'description',
  'keyname',
  'categories',
  'guid',
  'id',
];

/** One seeded mutation of the document's text. */
function mutate(xml: string, random: Random): string {
  const at = random.int(0, xml.length);
  switch (random.int(0, 5)) {
    case 0: {
      // Something hostile inside the text of an element.
      const gt = xml.indexOf('>', at);
      return gt === -1 ? xml : `${xml.slice(0, gt + 1)}${random.pick(HOSTILE)}${xml.slice(gt + 1)}`;
    }
    case 1: {
      const field = random.pick(FIELDS);
      const matches = [...xml.matchAll(new RegExp(`<${field}(\\s[^>]*)?>[^<]*</${field}>`, 'g'))];
      if (matches.length === 0) return xml;
      const match = random.pick(matches);
      return `${xml.slice(0, match.index)}<${field}${match[1] ?? ''}></${field}>${xml.slice(match.index + match[0].length)}`;
    }
    case 2:
      return xml.replace(/\d{4}-\d{2}-\d{2}/g, (date) => (random.chance(0.5) ? random.pick(DATES) : date));
    case 3:
      return xml.replace(/[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4}/g, (date) =>
        random.chance(0.7) ? random.pick(RFC822_DATES) : date,
      );
    case 4:
      return xml.slice(0, at) + xml.slice(at + random.int(1, 200));
    default: {
      const from = random.int(0, xml.length);
      return xml.slice(0, at) + xml.slice(from, from + random.int(1, 300)) + xml.slice(at);
    }
  }
}

/** Bytes as a file or a response would carry them; sometimes with a byte that is not UTF-8. */
function toBytes(xml: string, random: Random): Buffer {
  const bytes = Buffer.from(xml);
  if (!random.chance(0.1)) return bytes;
  const at = random.int(0, bytes.length);
  return Buffer.concat([
    bytes.subarray(0, at),
    Buffer.from([random.pick([0xff, 0xc3, 0x80, 0xed])]),
    bytes.subarray(at),
  ]);
}

function expectClean(feed: ParsedFeed): void {
  for (const paper of feed.papers) {
    expect(findPaperProblem(paper)).toBeUndefined();
    for (const value of [paper.title, paper.abstract, paper.comment ?? '', ...paper.authors, ...paper.categories])
      expect(hasControlCharacters(value)).toBe(false);
  }
  if (feed.announcedOn !== undefined) expect(findDayProblem(feed.announcedOn, feed.papers.length)).toBeUndefined();
  for (const skipped of feed.skipped ?? []) expect(`${skipped.item}: ${skipped.reason}`).not.toMatch(/\n/);
}

/** Stores the feed under a day and renders the day as text: nothing throws, no control character comes out. */
function expectStoresAndRenders(feed: ParsedFeed): void {
  const db = openDb(':memory:');
  try {
    const day = feed.announcedOn ?? '2026-04-27';
    const flags = { hash: 'fuzz', flag: () => [] };
    ingestFeed(db, feed, { source: 'rss', day, categories: ['cs.LG'], flags, now: '2026-04-27T05:00:00Z' });
    const text = renderDigestText(buildDigestView(day, getDayPapers(db, day, new Map())));
    expect(hasControlCharacters(text)).toBe(false);
  } finally {
    db.close();
  }
}

describe.each(corpus)('%s, mutated', (name) => {
  it(`${MUTANTS} seeded mutants are refused in one line or yield only valid, clean papers`, () => {
    const original = readFileSync(join(FIXTURES, name), 'utf8');
    const outcomes = { refused: 0, parsed: 0, skippedItems: 0 };
    for (let i = 0; i < MUTANTS; i++) {
      const random = createRandom(`fuzz:${name}:${i}`);
      let xml = original;
      for (let step = random.int(1, 3); step > 0; step--) xml = mutate(xml, random);
      const source = `${name}#${i}`;
      let feed: ParsedFeed;
      try {
        feed = parseFeed(decodeUtf8Strict(toBytes(xml, random)), source);
      } catch (error) {
        if (error instanceof Utf8Error) continue;
        expect(error).toBeInstanceOf(FeedError);
        expect((error as FeedError).message.startsWith(`${source}: `)).toBe(true);
        expect((error as FeedError).message).not.toMatch(/\n/);
        outcomes.refused++;
        continue;
      }
      expectClean(feed);
      expectStoresAndRenders(feed);
      outcomes.parsed++;
      outcomes.skippedItems += feed.skipped?.length ?? 0;
    }
    // The corpus exercises both ways out, for every capture but the error and empty ones.
    expect(outcomes.refused + outcomes.parsed).toBeGreaterThan(MUTANTS / 2);
  });
});
