// A small seeded random source for test data: the same seed text gives the same sequence
// on every machine and every run, so generated days can be asserted against.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item by relative weight. */
  weighted<T>(table: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32 seeded with the FNV-1a hash of `seed`: tiny, fast and good enough for test data. */
export function createRandom(seed: string): Random {
  let state = hashText(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (table) => pickWeighted(table, next()),
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
}

function pickWeighted<T>(table: readonly (readonly [T, number])[], roll: number): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let left = roll * total;
  for (const [item, weight] of table) {
    left -= weight;
    if (left < 0) return item;
  }
  return table[table.length - 1]![0];
}

function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Splits `total` into whole counts proportional to `shares` (largest remainder), so the
 * counts always add up to `total` exactly.
 */
export function apportion<K extends string>(total: number, shares: Readonly<Record<K, number>>): Record<K, number> {
  const keys = Object.keys(shares) as K[];
  const exact = keys.map((k) => (total * shares[k]) / keys.reduce((s, key) => s + shares[key], 0));
  const counts = exact.map(Math.floor);
  const byRemainder = keys.map((_k, i) => i).sort((a, b) => exact[b]! - counts[b]! - (exact[a]! - counts[a]!));
  for (let i = 0; counts.reduce((s, c) => s + c, 0) < total; i++) counts[byRemainder[i % keys.length]!]! += 1;
  return Object.fromEntries(keys.map((k, i) => [k, counts[i]!])) as Record<K, number>;
}
