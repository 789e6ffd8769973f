// One line per event on stderr: `<ISO time> <level> <event> key=value ...`.
import type { LogLevel } from '../config.ts';
import { escapeControlCharacters } from '../text/control.ts';

export type LogFields = Record<string, string | number | boolean | undefined | null>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const emit =
    (at: Exclude<LogLevel, 'silent'>) =>
    (event: string, fields: LogFields = {}) => {
      if (ORDER[at] < ORDER[level]) return;
      write(`${new Date().toISOString()} ${at} ${escapeControlCharacters(event)}${formatFields(fields)}\n`);
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

function formatFields(fields: LogFields): string {
  let out = '';
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    // Values quote servers, files and feeds: their control characters are shown, never acted on.
    const text = escapeControlCharacters(String(value));
    out += ` ${key}=${/[\s"=]/.test(text) || text === '' ? JSON.stringify(text) : text}`;
  }
  return out;
}

export const silentLogger: Logger = createLogger('silent');
