// Every write of a job, an action or a command goes through here: one BEGIN IMMEDIATE transaction, queued
// for SQLite's write lock under the context's name, with its waits reported (store/write/lock.ts).
import type { Context } from './context.ts';
import { writeTransaction, writeTransactionAsync } from '../store/write/lock.ts';

/** Blocks while another process writes: for synchronous steps of a command. */
export function writeNow<T>(context: Context, fn: () => T): T {
  return writeTransaction(context.db, fn, context.writeLock);
}

/** Lets the event loop run while another process writes; `signal` gives up the wait. */
export function writeSoon<T>(context: Context, fn: () => T, signal?: AbortSignal): Promise<T> {
  return writeTransactionAsync(context.db, fn, { ...context.writeLock, ...(signal && { signal }) });
}
