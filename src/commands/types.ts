// What every command gets: its parsed arguments, the terminal, the configuration, and the
// context (database and starred authors), opened only when the command asks for it.
import type { ParseArgsConfig } from 'node:util';
import type { Context } from '../app/context.ts';
import type { Config } from '../config.ts';
import type { Sleep } from '../sleep.ts';

/** What a command touches of the world: the terminal, the environment, and time's waits. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Waits between HTTP requests and retries; tests pass one that returns at once. */
  sleep?: Sleep;
  /**
   * Lowers the process's priority for work that can wait (`import` beside a serve). The CLI's own
   * process only: a test running a command in its worker leaves it out (a lowered thread cannot be
   * raised again without privileges, and the worker's next files would run lowered).
   */
  background?: () => void;
}

export interface CommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  io: Io;
  config: Readonly<Config>;
  /** Reads authors.json and opens the database (once); the CLI closes it after the command. */
  open: (options?: OpenOptions) => Context;
}

export interface OpenOptions {
  /** For a command that can do without writing: open the database read-only. */
  readOnly?: boolean;
}

/** Runs a command; the exit code. */
export type RunCommand = (args: CommandArgs) => number | Promise<number>;

/** What `arxiv-curator <command> --help` prints. */
export interface CommandHelp {
  /** `digest [--date D] [--format text|html|json]`, one line per form of the command. */
  usage: readonly string[];
  /** What it does, in a sentence or two. */
  summary: string;
  /** Each option (or subcommand) with what it does. */
  options?: readonly (readonly [string, string])[];
  /** Command lines as a user types them. */
  examples: readonly string[];
}

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  help: CommandHelp;
  /** Imports the command's code when it runs, so one command never loads another's dependencies. */
  load(): Promise<RunCommand>;
}
