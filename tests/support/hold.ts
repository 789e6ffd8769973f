// A job held in another thread until the test lets it go, on shared memory (posted to a worker, an
// Int32Array over a SharedArrayBuffer is shared, not copied): slot 0 says the job started, slot 1
// that it may finish. Waits are Atomics.waitAsync: on events, never on a clock.
export type Hold = Int32Array;

const STARTED = 0;
const RELEASED = 1;

type WaitAsync = (array: Int32Array, index: number, value: number) => { async: boolean; value: unknown };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/** Resolves once slot `index` is no longer `value`. */
async function waitWhile(hold: Hold, index: number, value: number): Promise<void> {
  while (Atomics.load(hold, index) === value) {
    const wait = waitAsync(hold, index, value);
    if (wait.async) await wait.value;
  }
}

export function createHold(): Hold {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** In the worker: says the job started, then waits for the release. */
export async function holdHere(hold: Hold): Promise<void> {
  Atomics.store(hold, STARTED, 1);
  Atomics.notify(hold, STARTED);
  await waitWhile(hold, RELEASED, 0);
}

/** In the test: resolves once the worker has the job in hand. */
export function started(hold: Hold): Promise<void> {
  return waitWhile(hold, STARTED, 0);
}

export function release(hold: Hold): void {
  Atomics.store(hold, RELEASED, 1);
  Atomics.notify(hold, RELEASED);
}
