// The command table. Each entry declares its options (node:util parseArgs) and runs on a Context.
import type { ParseArgsConfig } from 'node:util';
import type { Context } from '../context.ts';
import type { Io } from '../cli.ts';
import { runDigest } from './digest.ts';
import { runFetch } from './fetch.ts';
import { runImport } from './import-command.ts';
import { runAuthors } from './authors.ts';
import { BACKFILL_OPTIONS, runBackfill } from './backfill.ts';
import { runServe } from './serve.ts';
import { runSend } from './send.ts';

export interface CommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  io: Io;
}

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  run(context: Context, args: CommandArgs): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  fetch: { options: {}, run: runFetch },
  import: { options: { announced: { type: 'string' } }, run: runImport },
  digest: { options: { date: { type: 'string' }, format: { type: 'string' } }, run: runDigest },
  authors: { options: {}, run: runAuthors },
  backfill: { options: BACKFILL_OPTIONS, run: runBackfill },
  serve: { options: {}, run: runServe },
  send: { options: { date: { type: 'string' }, force: { type: 'boolean' } }, run: runSend },
};

export const USAGE = `arxiv-curator: a self-hosted arXiv feed curator

Usage: arxiv-curator <command>

  serve                          run the server and its scheduler (what npm start runs)
  fetch                          fetch today's feed of the configured categories and store it
  import <file>... [--announced D]   ingest RSS, API Atom or OAI-PMH files
  backfill --from D [--to D] [--source api|oai] [--force]
                                 fill announcement days from the arXiv API (or OAI-PMH)
  digest [--date D] [--format text|html|json]   print the digest of an announcement day
  authors                        list the starred authors with paper counts
  authors check "<name>"         does this name match a starred author, and why
  send [--date D] [--force]      email the digest of a day (SMTP_URL, DIGEST_TO)

Dates are YYYY-MM-DD announcement days. Environment: see README.md.
`;
