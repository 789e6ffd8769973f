// The command line: `arxiv-curator <command>`. Each command is wiring over the library;
// failures print one line `arxiv-curator: <reason>` and exit non-zero (2 for a broken configuration).
import { parseArgs } from 'node:util';
import { openContext, type Context } from './app/context.ts';
import { ConfigError, loadConfig } from './config.ts';
import { HolidaysError } from './calendar/announcement-days.ts';
import { ConfigFileError } from './curate/json-file.ts';
import { DatabaseError } from './store/db.ts';
import { CommandError } from './commands/errors.ts';
import { COMMANDS, USAGE } from './commands/table.ts';
import type { Io, OpenOptions } from './commands/types.ts';
import type { WriteLockOptions } from './store/write/lock.ts';
import { stripControlCharacters } from './text/control.ts';

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/**
 * The CLI as a process (bin/arxiv-curator.js from dist/, `npm run dev` from the sources): sets up
 * what only a whole process may, then runs `main` and leaves its code as the exit code.
 */
export async function runProcess(argv: string[]): Promise<void> {
  // `arxiv-curator digest | head` closes the pipe early: that is the reader's choice, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // SQLite URI filenames, read when better-sqlite3 opens its first database: a database in a
  // read-only folder is opened as `file:…?immutable=1` (store/db.ts). CURATOR_DB itself may not start with `file:`.
  process.env['SQLITE_USE_URI'] = '1';
  process.exitCode = await main(argv);
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(USAGE);
    return name === undefined ? 1 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) return fail(io, `unknown command "${name}" (try: arxiv-curator help)`, 1);
  let context: Context | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    const config = loadConfig(io.env);
    const run = await command.load();
    const writeLock = { label: name, onWait: printWriteWait(io) };
    const open = (options: OpenOptions = {}) => (context ??= openContext(config, { writeLock, ...options }));
    return await run({ values, positionals, io, config, open });
  } catch (error) {
    return fail(io, describeError(error), exitCodeOf(error));
  } finally {
    context?.db.close();
  }
}

/** A command waiting for SQLite's write lock says so, and whom it waits for, rather than hang silently. */
function printWriteWait(io: Io): WriteLockOptions['onWait'] {
  return (wait) => {
    if (wait.state === 'waiting')
      io.stderr(
        `arxiv-curator: waiting for another writer: ${wait.holder} (waited ${Math.round(wait.waitedMs / 1000)} s)\n`,
      );
    else io.stderr(`arxiv-curator: the other writer finished; writing now (waited ${formatSeconds(wait.waitedMs)})\n`);
  };
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function fail(io: Io, reason: string, code: number): number {
  // A reason may quote what a server or a file said: it never drives the terminal.
  io.stderr(`arxiv-curator: ${stripControlCharacters(reason)}\n`);
  return code;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // parseArgs errors carry a code such as ERR_PARSE_ARGS_UNKNOWN_OPTION; their message is one line.
  return error.message.split('\n')[0]!;
}

function exitCodeOf(error: unknown): number {
  if (error instanceof ConfigFileError || error instanceof ConfigError || error instanceof HolidaysError) return 2;
  if (error instanceof DatabaseError && error.misconfigured) return 2;
  if (error instanceof CommandError) return error.exitCode;
  return 1;
}
