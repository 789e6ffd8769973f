// A realistic full-size announcement day of cs.LG+cs.NE+stat.ML, built from the 1,538 real
// records of the OAI capture (tests/fixtures/arxiv/oai-listrecords-arXiv-set-cs-2016-03-09-*):
// real titles, abstracts and names, with the hard cases (TeX titles, TeX-accented names,
// 178-author lists, starred authors and their namesakes) in realistic numbers.
// Deterministic: the same options give the same papers on every call.
import { parseFeed } from '../../src/fetcher/parse.ts';
import { ANNOUNCE_TYPES, type PaperRecord } from '../../src/types.ts';
import { readFixture } from './fake-arxiv.ts';
import { dressAuthors, isStarredForm } from './realistic-authors.ts';
import { describeRealisticDay, type RealisticDayFacts } from './realistic-facts.ts';
import {
  drawAnnounceTypes,
  drawCategories,
  drawComment,
  drawIdNumbers,
  drawLicense,
  drawVersion,
  isReplacement,
} from './realistic-listing.ts';
import { TEX_ACCENT, tidyName } from './realistic-names.ts';
import { ABSTRACT_MAX, ABSTRACT_MIN, createFiller, fitAbstract } from './realistic-text.ts';
import { dressTitles } from './realistic-titles.ts';
import { createRandom, type Random } from './seeded-random.ts';

export { renderDayAsRss } from './realistic-rss.ts';
export { describeRealisticDay, type RealisticDayFacts } from './realistic-facts.ts';

export interface RealisticDayOptions {
  /** Announcement day, default '2026-11-26'. */
  day?: string;
  /** Papers in the day, default 1310; at least 200 (the hard cases have fixed numbers). */
  count?: number;
  /** Papers with a starred author, default 16. */
  starred?: number;
  /** Id prefix `YYMM`, default the day's month ('2611'). */
  idPrefix?: string;
}

const OAI_PAGES = [
  'oai-listrecords-arXiv-set-cs-2016-03-09-page001.xml',
  'oai-listrecords-arXiv-set-cs-2016-03-09-page103-final.xml',
];
const DEFAULT_DAY = '2026-11-26';
const MIN_COUNT = 200;
/** The hard cases, in the same numbers whatever the day's size. */
const PLAN = { texTitles: 49, accentedNames: 53, longLists: 25 };

let oaiRecords: PaperRecord[] | undefined;

/** All 1,538 real records of the two OAI pages, parsed by the project's own parser (cached). */
export function loadOaiRecords(): PaperRecord[] {
  oaiRecords ??= OAI_PAGES.flatMap((name) => parseFeed(readFixture(name), name).papers);
  return oaiRecords.map(copyRecord);
}

function copyRecord(record: PaperRecord): PaperRecord {
  return { ...record, authors: [...record.authors], categories: [...record.categories] };
}

/** The day's papers in arXiv's order: new, cross, replace, replace-cross, each by id descending. */
export function buildRealisticDay(options: RealisticDayOptions = {}): PaperRecord[] {
  const day = options.day ?? DEFAULT_DAY;
  const count = options.count ?? 1310;
  const starred = options.starred ?? 16;
  const idPrefix = options.idPrefix ?? `${day.slice(2, 4)}${day.slice(5, 7)}`;
  const random = createRandom(`realistic-day|${day}|${idPrefix}`);
  const records = eligibleRecords();
  const { chosen, rest } = chooseRecords(records, count, starred);
  const fillerFor = createFiller([...rest, ...chosen]);
  const papers = chosen.map((r) => ({
    ...copyRecord(r),
    abstract: fitAbstract(r.abstract, fillerFor(r.categories[0]), random),
  }));
  describeListing(papers, random);
  dressTitles(papers, PLAN.texTitles, random);
  const pool = [...new Set(records.flatMap((r) => r.authors))];
  dressAuthors(papers, pool, { starred, longLists: PLAN.longLists, accentedNames: PLAN.accentedNames }, random);
  assignIds(papers, day, idPrefix, random);
  return sortInArxivOrder(papers);
}

/**
 * Records usable as papers: unique title and abstract (the pages hold two duplicates), names
 * as the RSS feed gives them back, nothing of the OAI-only fields (dates, unnumbered version).
 * The real categories stay until the listing draws today's: they pick the abstract filler.
 */
function eligibleRecords(): PaperRecord[] {
  const seen = new Set<string>();
  const out: PaperRecord[] = [];
  for (const r of loadOaiRecords()) {
    if (r.title === '' || r.abstract === '' || r.authors.length === 0 || seen.has(r.title) || seen.has(r.abstract))
      continue;
    seen.add(r.title).add(r.abstract);
    const paper: PaperRecord = {
      id: r.id,
      version: 1,
      title: r.title,
      abstract: r.abstract,
      authors: r.authors.map(tidyName),
      categories: r.categories,
    };
    for (const key of ['comment', 'journalRef', 'doi', 'license'] as const)
      if (r[key] !== undefined) paper[key] = r[key];
    out.push(paper);
  }
  return out;
}

/**
 * The records with the real hard cases (TeX or markup in the title, a TeX-accented or starred
 * author) first, then those whose abstracts need least filling: in range, too long, then the
 * longest of the short ones. Real starred papers beyond `starred` are left out.
 */
function chooseRecords(
  records: PaperRecord[],
  count: number,
  starred: number,
): { chosen: PaperRecord[]; rest: PaperRecord[] } {
  const dropped = new Set(records.filter((r) => r.authors.some(isStarredForm)).slice(starred));
  const isForced = (r: PaperRecord): boolean =>
    /[$<&]/.test(r.title) || r.authors.some((n) => isStarredForm(n) || TEX_ACCENT.test(n));
  const usable = records.filter((r) => !dropped.has(r));
  const forced = usable.filter(isForced);
  const others = usable.filter((r) => !isForced(r)).sort((a, b) => fillNeed(a) - fillNeed(b));
  if (count < MIN_COUNT || count > usable.length)
    throw new RangeError(`a realistic day has ${MIN_COUNT} to ${usable.length} papers, not ${count}`);
  const chosen = [...forced, ...others.slice(0, count - forced.length)];
  const taken = new Set(chosen);
  return { chosen, rest: records.filter((r) => !taken.has(r)) };
}

/** 0 for an abstract in range, 1 for one to trim, more the shorter it is (stable sort keeps source order). */
function fillNeed(record: PaperRecord): number {
  const length = record.abstract.length;
  if (length >= ABSTRACT_MIN) return length <= ABSTRACT_MAX ? 0 : 1;
  return 2 + (ABSTRACT_MIN - length);
}

/** Announce type, version, categories and the listing's optional fields. */
function describeListing(papers: PaperRecord[], random: Random): void {
  const types = drawAnnounceTypes(papers.length, random);
  papers.forEach((paper, i) => {
    const type = types[i]!;
    paper.announceType = type;
    paper.version = drawVersion(type, random);
    paper.categories = drawCategories(type, random);
    paper.license = drawLicense(paper.license, random);
    const comment = drawComment(paper.comment, random);
    if (comment === undefined) delete paper.comment;
    else paper.comment = comment;
    // A journal reference or DOI comes with a later version, once the paper is published.
    if (!isReplacement(type)) {
      delete paper.journalRef;
      delete paper.doi;
    }
  });
}

function assignIds(papers: PaperRecord[], day: string, idPrefix: string, random: Random): void {
  const replaced = papers.filter((p) => isReplacement(p.announceType!));
  const first = papers.filter((p) => !isReplacement(p.announceType!));
  const numbers = drawIdNumbers(day, first.length, replaced.length, random);
  const name = (n: number): string => `${idPrefix}.${String(n).padStart(5, '0')}`;
  random.shuffle(numbers.first).forEach((n, i) => (first[i]!.id = name(n)));
  random.shuffle(numbers.replaced).forEach((n, i) => (replaced[i]!.id = name(n)));
}

function sortInArxivOrder(papers: PaperRecord[]): PaperRecord[] {
  const rank = (p: PaperRecord): number => ANNOUNCE_TYPES.indexOf(p.announceType!);
  return [...papers].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

let defaultFacts: RealisticDayFacts | undefined;
const factsOfDefaultDay = (): RealisticDayFacts => (defaultFacts ??= describeRealisticDay(buildRealisticDay()));

/**
 * What the default day (2026-11-26, 1,310 papers, 16 starred) guarantees. The counts are
 * constants; the ids are read from the built day on first use, so importing costs nothing.
 */
export const REALISTIC_DAY_FACTS = {
  day: DEFAULT_DAY,
  count: 1310,
  announceTypes: { new: 590, cross: 196, replace: 393, 'replace-cross': 131 },
  abstractLength: { min: ABSTRACT_MIN, max: ABSTRACT_MAX },
  texTitles: PLAN.texTitles,
  accentedNames: PLAN.accentedNames,
  longAuthorLists: PLAN.longLists,
  maxAuthors: 178,
  minLongAuthors: 50,
  starred: 16,
  get starredIds(): readonly string[] {
    return factsOfDefaultDay().starredIds;
  },
  get namesakeIds(): readonly string[] {
    return factsOfDefaultDay().namesakeIds;
  },
  get horvathIds(): readonly string[] {
    return factsOfDefaultDay().horvathIds;
  },
  get brokenFormulaId(): string {
    return factsOfDefaultDay().brokenFormulaId;
  },
  get markupTitleIds(): readonly string[] {
    return factsOfDefaultDay().markupTitleIds;
  },
};
