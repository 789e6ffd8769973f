import type { Context } from '../app/context.ts';
import { writeTransactionAsync } from '../store/write/lock.ts';

/**
 * An action's write: one BEGIN IMMEDIATE transaction that waits for SQLite's write lock without
 * holding up the event loop (on the web thread, pages are answered meanwhile).
 */
export function writeAction<T>(context: Context, fn: () => T): Promise<T> {
  return writeTransactionAsync(context.db, fn, context.writeLock);
}

/** A user action that cannot be done as asked: a bad id (400), an unknown paper (404), a taken name (409). */
export class ActionError extends Error {
  override name = 'ActionError';
  readonly status: 400 | 404 | 409;

  constructor(status: ActionError['status'], message: string) {
    super(message);
    this.status = status;
  }
}
