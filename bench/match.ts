// Starred-author matching throughput on one core: `npx tsx bench/match.ts`.
// A daily cs.LG + cs.NE + stat.ML run is a few thousand names, but backfills over
// OAI-PMH are millions, so the target is >= 1,000,000 names/s. The list mixes the
// evaluation table (starred names and hard negatives, which take the full path) with
// synthetic ordinary names, which is most of what arXiv lists.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadAuthorsConfig } from '../src/curate/authors-config.ts';
import { createMatcher } from '../src/curate/authors.ts';
import { AUTHOR_EVAL } from '../tests/fixtures/author-eval.ts';
import { judge } from './targets.ts';

const TOTAL = 3_000_000;
const EVAL_SHARE = 0.1;
const GIVEN = [
  'Wei',
  'Yann',
  'Jason',
  'David',
  'Alex',
  'Ian',
  'Adam',
  'Maria',
  'Hoang',
  'Quoc',
  'Sara',
  'Jun',
  'Pieter',
  'Anna',
  'Mohammad',
  'Xin',
  'Olga',
  'Rahul',
];
const MIDDLE = ['', '', '', 'J. ', 'K. ', 'M. '];
const SURNAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Smith',
  'Nguyen',
  'Le',
  'Garcia',
  'Kumar',
  'Schmidt',
  'Rossi',
  'Tanaka',
  'Ivanov',
  'Silver',
  'Weston',
  'Dauphin',
  'Osband',
  'Paszke',
  'Hofmann',
  'Novak',
  'Okafor',
];

/** Deterministic, so runs compare (mulberry32). */
function createRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildNames(total: number, random: () => number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const names: string[] = [];
  for (let i = 0; i < total; i++) {
    if (random() < EVAL_SHARE) names.push(pick(AUTHOR_EVAL).name);
    else {
      const given = pick(GIVEN);
      names.push(`${random() < 0.2 ? `${given[0]}.` : given} ${pick(MIDDLE)}${pick(SURNAMES)}`);
    }
  }
  return names;
}

function measure(match: (name: string) => unknown, names: string[]): { seconds: number; hits: number } {
  let hits = 0;
  const start = performance.now();
  for (const name of names) if (match(name) !== undefined) hits++;
  return { seconds: (performance.now() - start) / 1000, hits };
}

const { authors } = loadAuthorsConfig(fileURLToPath(new URL('../config/authors.json', import.meta.url)));
const matcher = createMatcher(authors);
const names = buildNames(TOTAL, createRandom(42));
measure(matcher.match, names.slice(0, 200_000)); // warm up the JIT
const runs = [1, 2, 3].map(() => measure(matcher.match, names));
const best = Math.min(...runs.map((run) => run.seconds));
const rate = Math.round(names.length / best);
console.log(
  `author matching: ${rate.toLocaleString('en-US')} strings/s (target >= 1,000,000: ${judge(rate >= 1_000_000)}; ${names.length.toLocaleString('en-US')} names, ${runs[0]!.hits.toLocaleString('en-US')} starred, best of ${runs.length})`,
);
const slow = Array.from({ length: 300_000 }, (_, i) => AUTHOR_EVAL[i % AUTHOR_EVAL.length]!.name);
const slowRun = measure(matcher.match, slow);
console.log(
  `  evaluation names only (mostly the full path): ${Math.round(slow.length / slowRun.seconds).toLocaleString('en-US')} strings/s`,
);
