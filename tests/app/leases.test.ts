// Leases between processes on one database file (app/leases.ts): one holder at a time, free once
// it expires or its process has ended, and a shared gate that paces requests across owners.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { createSharedGate } from '../../src/app/arxiv-gate.ts';
import { createLeaseOwner, extendLease, takeLease } from '../../src/app/leases.ts';
import { putLease } from '../../src/store/write/leases.ts';
import { createTestWorld, type TestWorld } from '../support/build-db.ts';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
});
afterEach(() => world.close());

describe('leases', () => {
  it('has one holder until it expires, and renews only its own', () => {
    const { db } = world.context;
    const first = createLeaseOwner('serve');
    const second = createLeaseOwner('serve');
    expect(takeLease(db, 'scheduler', first, 1000, 30_000)).toEqual({ taken: true });
    expect(takeLease(db, 'scheduler', second, 2000, 30_000)).toEqual({
      taken: false,
      holder: `serve (pid ${process.pid})`,
      expiresAt: 31_000,
    });
    expect(extendLease(db, 'scheduler', second, 2000, 30_000)).toBe(false);
    expect(extendLease(db, 'scheduler', first, 2000, 30_000)).toBe(true);
    expect(takeLease(db, 'scheduler', second, 32_001, 30_000)).toEqual({ taken: true });
    expect(extendLease(db, 'scheduler', first, 32_001, 30_000)).toBe(false);
  });

  it('is free at once when its holder was a process of this host that has ended', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(dead.stdout.toString());
    const { db } = world.context;
    putLease(db, {
      name: 'scheduler',
      token: 'old',
      holder: `serve (pid ${pid})`,
      pid,
      host: hostname(),
      expiresAt: 9e15,
    });
    expect(takeLease(db, 'scheduler', createLeaseOwner('serve'), Date.now(), 30_000)).toEqual({ taken: true });
  });
});

describe('the shared gate', () => {
  it('keeps the interval after the last exchange of any owner on the database', async () => {
    let clock = 10_000;
    const waits: number[] = [];
    const options = {
      minIntervalMs: 3000,
      leaseMs: 60_000,
      now: () => clock,
      sleep: async (ms: number) => void (waits.push(ms), (clock += ms)),
    };
    const one = createSharedGate(world.context, options);
    const other = createSharedGate({ ...world.context, writeLock: { label: 'fetch' } }, options);
    const signal = new AbortController().signal;
    const pass = await one.enter(signal);
    clock += 500; // the exchange takes half a second
    const entering = other.enter(signal);
    await pass.leave();
    await (await entering).leave();
    // `other` polled while `one` held the lease, then waited out the interval after its end.
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(3000);
    expect(waits.at(-1)).toBe(3000);
  });
});
