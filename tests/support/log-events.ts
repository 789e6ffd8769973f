// A logger for an in-process world that a test can wait on: `await events.next('mail.retry')`
// resolves when the code under test logs that event, so a test waits for what happened rather than
// for time to pass. Every event is kept in `events.seen`, in order.
import type { LogFields, Logger } from '../../src/app/log.ts';

export interface LogEvent {
  level: 'debug' | 'info' | 'warn' | 'error';
  event: string;
  fields: LogFields;
}

export interface LogEvents {
  log: Logger;
  seen: LogEvent[];
  /** The first event of that name logged from now on. */
  next(event: string): Promise<LogEvent>;
}

export function watchLogEvents(): LogEvents {
  const seen: LogEvent[] = [];
  const waiters: { event: string; resolve: (logged: LogEvent) => void }[] = [];
  const emit =
    (level: LogEvent['level']) =>
    (event: string, fields: LogFields = {}) => {
      const logged = { level, event, fields };
      seen.push(logged);
      for (const waiter of waiters.filter((w) => w.event === event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(logged);
      }
    };
  return {
    log: { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') },
    seen,
    next: (event) => new Promise((resolve) => waiters.push({ event, resolve })),
  };
}
