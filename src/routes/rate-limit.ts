// At most `limit` tries per `windowMs` per key (a client address), counted over the last window
// (a sliding log of each key's last `limit` tries, so a burst across a minute's edge counts too).
// The keys kept are bounded: past `maxKeys` the least recently seen is forgotten.

export interface RateLimiter {
  /** Counts a try; undefined when allowed, else the seconds until the next one would be. */
  take(key: string): number | undefined;
}

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  maxKeys: number;
  now: () => number;
}): RateLimiter {
  const tries = new Map<string, number[]>();
  return {
    take(key) {
      const now = options.now();
      const recent = (tries.get(key) ?? []).filter((at) => at > now - options.windowMs);
      tries.delete(key);
      if (recent.length >= options.limit) {
        tries.set(key, recent);
        return Math.max(1, Math.ceil((recent[0]! + options.windowMs - now) / 1000));
      }
      recent.push(now);
      tries.set(key, recent);
      if (tries.size > options.maxKeys) tries.delete(tries.keys().next().value!);
      return undefined;
    },
  };
}
