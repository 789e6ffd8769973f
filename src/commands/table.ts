// The command table: each entry declares its options (node:util parseArgs) and loads its code
// only when it runs (`authors check` needs neither SQLite nor undici nor nodemailer).
import type { Command } from './types.ts';

export const COMMANDS: Record<string, Command> = {
  serve: { options: {}, load: async () => (await import('./serve.ts')).runServe },
  fetch: { options: {}, load: async () => (await import('./fetch.ts')).runFetch },
  import: { options: { announced: { type: 'string' } }, load: async () => (await import('./import.ts')).runImport },
  backfill: {
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      source: { type: 'string' },
      force: { type: 'boolean' },
    },
    load: async () => (await import('./backfill.ts')).runBackfill,
  },
  digest: {
    options: { date: { type: 'string' }, format: { type: 'string' } },
    load: async () => (await import('./digest.ts')).runDigest,
  },
  authors: { options: {}, load: async () => (await import('./authors.ts')).runAuthors },
  reflag: { options: {}, load: async () => (await import('./reflag.ts')).runReflag },
  reading: { options: {}, load: async () => (await import('./reading.ts')).runReading },
  save: { options: { undo: { type: 'boolean' } }, load: async () => (await import('./marks.ts')).runSave },
  hide: { options: { undo: { type: 'boolean' } }, load: async () => (await import('./marks.ts')).runHide },
  marks: { options: { format: { type: 'string' } }, load: async () => (await import('./marks.ts')).runMarks },
  watch: { options: { 'no-mail': { type: 'boolean' } }, load: async () => (await import('./watch.ts')).runWatch },
  send: {
    options: { date: { type: 'string' }, force: { type: 'boolean' } },
    load: async () => (await import('./send.ts')).runSend,
  },
};

export const USAGE = `arxiv-curator: a self-hosted arXiv feed curator

Usage: arxiv-curator <command>

  serve                          run the server and its scheduler (what npm start runs)
  fetch                          the daily round: today's feed, the starred authors' uploads,
                                 the reading list, the blogs and the popularity counts
  import <file>... [--announced D]   ingest RSS, API Atom or OAI-PMH files
  backfill --from D [--to D] [--source api|oai] [--force]
                                 fill announcement days from the arXiv API (or OAI-PMH)
  digest [--date D] [--format text|html|json]   print the digest of an announcement day
  authors                        list the starred authors with paper counts
  authors check "<name>"         does this name match a starred author, and why
  reflag                         flag the stored papers again from config/authors.json
  reading [read|unread <id>]     the reading list of /start and its read marks
  send [--date D] [--force]      email the digest of a day (SMTP_URL, DIGEST_TO)
  save <id>... [--undo]          save papers to the library (ids as 2611.01234 or arXiv:2611.01234v2)
  hide <id>... [--undo]          hide papers (not interested): they leave the day's sections and feeds
  marks export [--format json|bibtex]   print the saved and hidden papers and the watches
  marks import <file>            import a JSON export, or the arXiv ids of a BibTeX file
  watch add "<query>" [--no-mail]   watch for words, "phrases", -excludes, cat:stat.ML
  watch list                     the keyword watches
  watch remove <slug>            stop watching

Dates are YYYY-MM-DD announcement days. Environment: see README.md.
`;
