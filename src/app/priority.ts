// Work that can wait (rendering, training, storing a day, re-flagging, importing) takes the CPU that
// serve's web thread leaves: on two busy cores the web thread, woken for a request, runs at once
// rather than after another thread's turn (Linux weighs nice 10 at about a tenth of nice 0).
import { setPriority } from 'node:os';

export const BACKGROUND_NICENESS = 10;

/**
 * Lowers the calling thread. Linux keeps a nice value per thread (setpriority(2), NOTES), and the
 * threads a thread starts inherit it; elsewhere it would lower the whole process, so a thread of
 * `serve` is left alone there. A command working on its own (`import`) lowers itself everywhere.
 */
export function runInBackground(scope: 'thread' | 'command' = 'thread'): void {
  if (scope === 'thread' && process.platform !== 'linux') return;
  setPriority(0, BACKGROUND_NICENESS);
}
