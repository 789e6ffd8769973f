// The command table: each entry declares its options (node:util parseArgs), its help, and loads its
// code only when it runs (`authors check` needs neither SQLite nor undici nor nodemailer).
import type { Command } from './types.ts';

const DAY = 'D is an announcement day, YYYY-MM-DD';

export const COMMANDS: Record<string, Command> = {
  serve: {
    options: {},
    help: {
      usage: ['serve'],
      summary:
        'Run the web server and its scheduler (what npm start runs): the pages on HOST:PORT, a fetch at 00:30 New York time on weekdays, the mail after each new day.',
      examples: ['arxiv-curator serve', 'PORT=8080 PUBLIC_URL=https://arxiv.example.org arxiv-curator serve'],
    },
    load: async () => (await import('./serve.ts')).runServe,
  },
  fetch: {
    options: {},
    help: {
      usage: ['fetch'],
      summary:
        "Run the daily round once: today's feed, the starred authors' uploads, the reading list, the blogs and the popularity counts. Exit 1 only when the feed failed.",
      examples: ['arxiv-curator fetch'],
    },
    load: async () => (await import('./fetch.ts')).runFetch,
  },
  import: {
    options: { announced: { type: 'string' } },
    help: {
      usage: ['import <file>... [--announced D]'],
      summary: 'Store the papers of local RSS 2.0, RDF, API Atom or OAI-PMH files (the format is detected).',
      options: [['--announced D', `file API and OAI papers under this announcement day (${DAY})`]],
      examples: ['arxiv-curator import cs.LG.xml', 'arxiv-curator import api-page-*.xml --announced 2026-11-26'],
    },
    load: async () => (await import('./import.ts')).runImport,
  },
  backfill: {
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      source: { type: 'string' },
      force: { type: 'boolean' },
    },
    help: {
      usage: ['backfill --from D [--to D] [--source api|oai] [--force]'],
      summary: 'Fill announcement days from the arXiv API (or bulk-load OAI-PMH records); resumable, with progress.',
      options: [
        ['--from D', `the first day (required; ${DAY})`],
        ['--to D', 'the last day (default: today)'],
        ['--source api|oai', 'the API (default), or OAI-PMH for a bulk load without announcement days'],
        ['--force', 'fetch days that are stored already'],
      ],
      examples: ['arxiv-curator backfill --from 2026-11-02 --to 2026-11-06'],
    },
    load: async () => (await import('./backfill.ts')).runBackfill,
  },
  digest: {
    options: { date: { type: 'string' }, format: { type: 'string' } },
    help: {
      usage: ['digest [--date D] [--format text|html|json]'],
      summary: "Print a day's digest: starred papers first, then every paper by section (default: the latest day).",
      options: [
        ['--date D', `the day (${DAY})`],
        ['--format text|html|json', 'text (78 columns, the default), the page, or the JSON of /digest/D.json'],
      ],
      examples: ['arxiv-curator digest', 'arxiv-curator digest --date 2026-11-26 --format json | jq .counts'],
    },
    load: async () => (await import('./digest.ts')).runDigest,
  },
  authors: {
    options: {},
    help: {
      usage: ['authors', 'authors check "<name>"'],
      summary:
        'List the starred authors with their paper counts; or check whether a name matches one, and by which rule (exit 0 match, 1 none).',
      examples: ['arxiv-curator authors', 'arxiv-curator authors check "Y. LeCun"'],
    },
    load: async () => (await import('./authors.ts')).runAuthors,
  },
  reflag: {
    options: {},
    help: {
      usage: ['reflag'],
      summary: 'Flag every stored paper again from config/authors.json, now.',
      examples: ['arxiv-curator reflag'],
    },
    load: async () => (await import('./reflag.ts')).runReflag,
  },
  reading: {
    options: {},
    help: {
      usage: ['reading', 'reading read <id>', 'reading unread <id>'],
      summary: 'The reading list of /start with its read marks; mark an entry read or unread.',
      examples: ['arxiv-curator reading', 'arxiv-curator reading read gan'],
    },
    load: async () => (await import('./reading.ts')).runReading,
  },
  save: {
    options: { undo: { type: 'boolean' } },
    help: {
      usage: ['save <id>... [--undo]'],
      summary: 'Save papers to the library (ids as 2611.01234, arXiv:2611.01234v2 or an abs URL).',
      options: [['--undo', 'take them out of the library']],
      examples: ['arxiv-curator save 2611.01234 2611.04321'],
    },
    load: async () => (await import('./marks.ts')).runSave,
  },
  hide: {
    options: { undo: { type: 'boolean' } },
    help: {
      usage: ['hide <id>... [--undo]'],
      summary: "Hide papers (not interested): they leave the day's sections and feeds, their later versions too.",
      options: [['--undo', 'show them again']],
      examples: ['arxiv-curator hide 2611.01234'],
    },
    load: async () => (await import('./marks.ts')).runHide,
  },
  marks: {
    options: { format: { type: 'string' } },
    help: {
      usage: ['marks export [--format json|bibtex]', 'marks import <file>'],
      summary:
        "Export the saved and hidden papers and the watches (JSON), or the saved papers as BibTeX; import a JSON export, or the arXiv ids of a BibTeX file's entries.",
      options: [['--format json|bibtex', 'what export writes (default json)']],
      examples: ['arxiv-curator marks export --format bibtex > saved.bib', 'arxiv-curator marks import library.json'],
    },
    load: async () => (await import('./marks.ts')).runMarks,
  },
  watch: {
    options: { 'no-mail': { type: 'boolean' } },
    help: {
      usage: ['watch add "<query>" [--no-mail]', 'watch list', 'watch remove <slug>'],
      summary:
        'Keyword watches: words and "phrases" all required, -word or -"phrase" excluded, word* a prefix, cat:stat.ML (any of) and -cat:cs.CV.',
      options: [['--no-mail', "leave the watch's matches out of the daily mail"]],
      examples: ['arxiv-curator watch add \'"diffusion policy" -survey cat:cs.RO\'', 'arxiv-curator watch list'],
    },
    load: async () => (await import('./watch.ts')).runWatch,
  },
  send: {
    options: { date: { type: 'string' }, force: { type: 'boolean' } },
    help: {
      usage: ['send [--date D] [--force]'],
      summary: "Mail a day's digest (SMTP_URL, DIGEST_TO); once per day unless --force.",
      options: [
        ['--date D', `the day (default: the latest; ${DAY})`],
        ['--force', 'send again a day already sent'],
      ],
      examples: ['SMTP_URL=smtps://me:secret@mail.example.org:465 DIGEST_TO=me@example.org arxiv-curator send'],
    },
    load: async () => (await import('./send.ts')).runSend,
  },
};

export const USAGE = `arxiv-curator: a self-hosted arXiv feed curator

Usage: arxiv-curator <command> [options]   (arxiv-curator <command> --help for one command)

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

  --version                      print the version

Dates are YYYY-MM-DD announcement days. Environment: see README.md.
`;
