// The listing side of the realistic day: announce types, versions, categories, comments,
// licences and ids as a combined cs.LG+cs.NE+stat.ML RSS day shows them.
import type { AnnounceType } from '../../src/types.ts';
import { apportion, type Random } from './seeded-random.ts';

/** Shares of a real combined cs.LG+cs.NE+stat.ML day. */
export const ANNOUNCE_SHARES: Readonly<Record<AnnounceType, number>> = {
  new: 45,
  cross: 15,
  replace: 30,
  'replace-cross': 10,
};

/** `count` announce types in the shares above, in random order. */
export function drawAnnounceTypes(count: number, random: Random): AnnounceType[] {
  const counts = apportion(count, ANNOUNCE_SHARES);
  const types = (Object.keys(counts) as AnnounceType[]).flatMap((t) => Array<AnnounceType>(counts[t]).fill(t));
  return random.shuffle(types);
}

export const isReplacement = (type: AnnounceType): boolean => type === 'replace' || type === 'replace-cross';

/** v1 for first announcements; replacements are mostly v2, rarely v5 (v6 and later are not listed). */
export function drawVersion(type: AnnounceType, random: Random): number {
  return isReplacement(type)
    ? random.weighted([
        [2, 55],
        [3, 25],
        [4, 13],
        [5, 7],
      ])
    : 1;
}

const OURS = [
  ['cs.LG', 70],
  ['stat.ML', 20],
  ['cs.NE', 10],
] as const;
// Categories papers of ours are cross-listed to, and where cross-listings to ours come from.
const SECONDARY = [
  'cs.AI',
  'stat.ML',
  'cs.LG',
  'cs.CV',
  'cs.CL',
  'math.OC',
  'stat.ME',
  'cs.NE',
  'eess.SP',
  'cs.IT',
  'math.ST',
  'cs.DS',
  'cs.RO',
  'q-bio.NC',
];
// The usual primaries of papers cross-listed to ours, most common first (build-db.ts takes the first 12).
export const OTHER_PRIMARY = [
  'cs.CV',
  'cs.CL',
  'cs.AI',
  'math.OC',
  'stat.ME',
  'eess.SP',
  'cs.RO',
  'q-bio.NC',
  'physics.comp-ph',
  'cs.CR',
  'math.ST',
  'cs.IR',
  'cs.SI',
  'eess.IV',
  'cs.DC',
  'quant-ph',
  'cond-mat.dis-nn',
  'cs.HC',
  'econ.EM',
  'stat.AP',
  'cs.SD',
  'eess.SY',
];
// arXiv lists an alias category next to its twin (math.ST with stat.TH, cs.IT with math.IT).
const ALIASES: Readonly<Record<string, string>> = { 'math.ST': 'stat.TH', 'cs.IT': 'math.IT', 'eess.SY': 'cs.SY' };

/** Primary first, the others in alphabetical order as arXiv lists them. */
export function drawCategories(type: AnnounceType, random: Random): string[] {
  const crossListed = type === 'cross' || type === 'replace-cross';
  const primary = crossListed ? random.pick(OTHER_PRIMARY) : random.weighted(OURS);
  const others = new Set<string>();
  if (crossListed) others.add(random.weighted(OURS));
  const extra = random.weighted([
    [0, 40],
    [1, 35],
    [2, 20],
    [3, 5],
  ]);
  for (let i = 0; i < extra; i++) others.add(random.pick(SECONDARY));
  for (const c of [primary, ...others]) if (ALIASES[c] !== undefined) others.add(ALIASES[c]);
  others.delete(primary);
  return [primary, ...[...others].sort()];
}

const VENUES = [
  'ICLR 2027',
  'AISTATS 2027',
  'ICML 2027',
  'CVPR 2027',
  'TMLR',
  'NeurIPS 2026 workshop on Optimization for ML',
  'UAI 2027',
];

/**
 * The paper's real comment where it has one; otherwise sometimes the kind a 2026 author
 * writes ("12 pages, 4 figures; accepted at ICLR 2027").
 */
export function drawComment(real: string | undefined, random: Random): string | undefined {
  if (real !== undefined) return real;
  if (!random.chance(0.4)) return undefined;
  const pages = `${random.int(8, 45)} pages, ${random.int(1, 12)} figures`;
  return random.chance(0.5) ? `${pages}; accepted at ${random.pick(VENUES)}` : pages;
}

const LICENSES = [
  ['http://arxiv.org/licenses/nonexclusive-distrib/1.0/', 55],
  ['http://creativecommons.org/licenses/by/4.0/', 30],
  ['http://creativecommons.org/licenses/by-nc-sa/4.0/', 6],
  ['http://creativecommons.org/licenses/by-sa/4.0/', 4],
  ['http://creativecommons.org/licenses/by-nc-nd/4.0/', 3],
  ['http://creativecommons.org/publicdomain/zero/1.0/', 2],
] as const;

/** Every RSS item has dc:rights: the record's own licence, else one drawn in today's proportions. */
export function drawLicense(real: string | undefined, random: Random): string {
  return real ?? random.weighted(LICENSES);
}

/**
 * Id numbers for one day under `idPrefix`: new and cross papers get a block that moves with
 * the day of the month (so days of one month do not collide), drawn sparsely because other
 * categories' papers sit between ours; replacements get earlier numbers of the month where
 * there is room, else numbers above the block. Returned in arXiv order for each type: descending.
 */
export function drawIdNumbers(
  day: string,
  firstAnnounced: number,
  replaced: number,
  random: Random,
): { first: number[]; replaced: number[] } {
  // About 1,250 submissions a day across arXiv; ours are two in three of a block that size.
  const start = 1 + (Number(day.slice(8, 10)) - 1) * 1250;
  const end = start + Math.ceil(firstAnnounced * 1.3);
  const roomBelow = start - 1 >= replaced * 2;
  const first = sample(firstAnnounced, start, end, random);
  const rest = roomBelow ? sample(replaced, 1, start - 1, random) : sample(replaced, end + 1, 99_999, random);
  return { first, replaced: rest };
}

function sample(count: number, lo: number, hi: number, random: Random): number[] {
  if (hi - lo + 1 < count) throw new RangeError(`no room for ${count} ids in ${lo}..${hi}`);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(random.int(lo, hi));
  return [...picked].sort((a, b) => b - a);
}
