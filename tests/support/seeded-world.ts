// One seeded database per world and process: a world that costs seconds to build (a realistic day
// ingested and flagged, a ranking trained) is built once; later worlds of the same key start from
// a copy of its database (VACUUM INTO a file of this process, copied: a few milliseconds), each
// free to write its own copy. vitest's workers run many files each (isolate: false), so a worker
// builds each world once. The files go when the process exits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestWorld, type TestWorld, type TestWorldOptions } from './build-db.ts';

const seeds = new Map<string, string>();
let dir: string | undefined;

function seedDir(): string {
  if (dir === undefined) {
    const made = mkdtempSync(join(tmpdir(), 'curator-seeds-'));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    dir = made;
  }
  return dir;
}

/** A world started from the seed kept under `key`, or undefined when there is none yet. */
export function fromSeed(key: string, options: TestWorldOptions): TestWorld | undefined {
  const seed = seeds.get(key);
  return seed === undefined ? undefined : createTestWorld({ ...options, seed });
}

/** Keeps `world`'s database as the seed of `key` (the world itself goes on unchanged). */
export function keepSeed(key: string, world: TestWorld): TestWorld {
  const file = join(seedDir(), `${seeds.size}.db`);
  world.context.db.prepare('VACUUM INTO ?').run(file);
  seeds.set(key, file);
  return world;
}
