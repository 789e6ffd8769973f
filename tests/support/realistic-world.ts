// A test world holding the realistic full-size day (tests/support/realistic-day.ts) and the day
// before it, flagged by the real matcher under the shipped config/authors.json.
import { fileURLToPath } from 'node:url';
import { loadAuthorsConfig } from '../../src/curate/authors-config.ts';
import { ensureRankModel } from '../../src/jobs/retrain.ts';
import { createTestWorld, makePaper, type TestWorld, type TestWorldOptions } from './build-db.ts';
import { fromSeed, keepSeed } from './seeded-world.ts';
import { REALISTIC_DAY_FACTS, buildRealisticDay } from './realistic-day.ts';

export const REALISTIC_DAY = REALISTIC_DAY_FACTS.day;
export const DAY_BEFORE = '2026-11-25';

export function loadShippedAuthors() {
  return loadAuthorsConfig(fileURLToPath(new URL('../../config/authors.json', import.meta.url))).authors;
}

export interface RealisticWorldOptions {
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
  /** Papers in the day (default 1,310). */
  count?: number;
}

/** The context's settings of a realistic world (for fromSeed of a world built on one). */
export function realisticWorldOptions(options: RealisticWorldOptions = {}): TestWorldOptions {
  return {
    authors: loadShippedAuthors(),
    realMatcher: true,
    ...(options.env && { env: options.env }),
    now: options.now ?? (() => new Date('2026-11-26T15:00:00Z')),
  };
}

/** The realistic day's world; its database is built once per process and copied (seeded-world.ts). */
export function createRealisticWorld(options: RealisticWorldOptions = {}): TestWorld {
  const worldOptions = realisticWorldOptions(options);
  const key = `realistic-world|${options.count ?? 'default'}`;
  const seeded = fromSeed(key, worldOptions);
  if (seeded) return seeded;
  const world = createTestWorld(worldOptions);
  world.ingestDay(DAY_BEFORE, [makePaper({ id: '2611.00001', title: 'The day before' })]);
  world.ingestDay(REALISTIC_DAY, buildRealisticDay(options.count === undefined ? {} : { count: options.count }));
  return keepSeed(key, world);
}

/**
 * The realistic day's world with its ranking trained (the stored model), as the day's page shows it
 * ranked; seeded like createRealisticWorld, so the files of a worker train it once, not once each.
 */
export function createRankedRealisticWorld(): TestWorld {
  const key = 'realistic-world|ranked';
  const seeded = fromSeed(key, realisticWorldOptions());
  if (seeded) return seeded;
  const world = createRealisticWorld();
  ensureRankModel(world.context);
  return keepSeed(key, world);
}
