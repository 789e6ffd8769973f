// The command line: `arxiv-curator <command>`. Each command is wiring over the library;
// failures print one line `arxiv-curator: <reason>` and exit non-zero (2 for a broken configuration).
import { parseArgs } from 'node:util';
import { openContext, type Context } from './app/context.ts';
import { runInBackground } from './app/priority.ts';
import { ConfigError, loadConfig, readVersion } from './config.ts';
import { HolidaysError } from './calendar/announcement-days.ts';
import { ConfigFileError } from './curate/json-file.ts';
import { DatabaseError } from './store/db.ts';
import { CommandError } from './commands/errors.ts';
import { COMMANDS, USAGE } from './commands/table.ts';
import type { Command, Io, OpenOptions } from './commands/types.ts';
import type { WriteLockOptions } from './store/write/lock.ts';
import { stripControlCharacters } from './text/control.ts';
import { firstLineOf } from './text/first-line.ts';

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  background: () => runInBackground('command'),
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

/** A mistyped command or option: exit 2, as for other usage errors of command-line tools. */
const USAGE_ERROR = 2;

// Help and suggestions are loaded when asked for: a command that runs never pays for them.
const loadHelp = () => import('./commands/help.ts');

const findCommand = (name: string) => (Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined);

/** `--help` or `-h` among a command's arguments (before a `--`, after which everything is an argument). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** `help`, `help <command>`, `--version`: answered before any command runs; undefined for a command. */
async function answerGeneral(name: string, rest: readonly string[], io: Io): Promise<number | undefined> {
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout(USAGE);
    return 0;
  }
  if (name === '--version') {
    io.stdout(`arxiv-curator ${readVersion()}\n`);
    return 0;
  }
  if (name !== 'help') return undefined;
  const { didYouMean, formatCommandHelp } = await loadHelp();
  const command = findCommand(rest[0]!);
  if (command !== undefined) {
    io.stdout(formatCommandHelp(command));
    return 0;
  }
  return fail(io, `help: no command "${rest[0]}"${didYouMean(rest[0]!, Object.keys(COMMANDS))}`, USAGE_ERROR);
}

/** A parseArgs error as one line naming the command, with the option it may have meant. */
async function describeUsageError(name: string, command: Command, error: Error & { code?: string }): Promise<string> {
  const { didYouMean } = await loadHelp();
  const hint = `see arxiv-curator ${name} --help`;
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown !== undefined) {
    const flags = Object.keys(command.options).map((option) => `--${option}`);
    return `${name}: unknown option ${unknown}${didYouMean(unknown, flags)}; ${hint}`;
  }
  return `${name}: ${firstLineOf(error).replace(/\.?\s*To specify .*$/, '')}; ${hint}`;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stdout(USAGE);
    return 1;
  }
  const general = await answerGeneral(name, rest, io);
  if (general !== undefined) return general;
  const command = findCommand(name);
  if (command === undefined) {
    const guess = (await loadHelp()).didYouMean(name, Object.keys(COMMANDS));
    return fail(io, `unknown command "${name}"${guess}; see arxiv-curator help`, USAGE_ERROR);
  }
  if (asksForHelp(rest)) {
    io.stdout((await loadHelp()).formatCommandHelp(command));
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(io, await describeUsageError(name, command, error as Error), USAGE_ERROR);
  }
  let context: Context | undefined;
  try {
    const { values, positionals } = parsed;
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
  return firstLineOf(error);
}

function exitCodeOf(error: unknown): number {
  if (error instanceof ConfigFileError || error instanceof ConfigError || error instanceof HolidaysError) return 2;
  if (error instanceof DatabaseError && error.misconfigured) return 2;
  if (error instanceof CommandError) return error.exitCode;
  return 1;
}
