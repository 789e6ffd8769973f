// The layer rules of ARCHITECTURE.md, checked on every import (type-only ones included) by
// `npm run lint`. A wrong-way import fails with the rule's name and comment.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only ones included: split the shared part into its own module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'render-is-pure',
      severity: 'error',
      comment:
        'render/ turns view models into strings: it imports view types (views/types.ts), the calendar, text/ and ' +
        'itself, never the store, the fetcher, jobs, the scheduler, mail, routes, commands or the app wiring.',
      from: { path: '^src/render/' },
      to: {
        path: '^src/(store|fetcher|jobs|mail|routes|commands|app|curate)/|^src/views/(?!types\\.ts$)|^src/(cli|server|config)\\.ts$',
      },
    },
    {
      name: 'curate-is-pure',
      severity: 'error',
      comment:
        "curate/ matches names; it never touches the store or the network (arXiv's ids, fetcher/ids.ts, are pure).",
      from: { path: '^src/curate/' },
      to: {
        path: '^src/(store|fetcher|jobs|mail|routes|commands|views|render|app)/|^src/(cli|server)\\.ts$',
        pathNot: '^src/fetcher/ids\\.ts$',
      },
    },
    {
      name: 'store-is-the-bottom',
      severity: 'error',
      comment:
        'store/ is SQL only: it never imports the fetcher, views, render, routes, jobs, mail, commands or the server ' +
        '(app/process.ts, which imports nothing of the app, tells the write lock whether its holder runs).',
      from: { path: '^src/store/' },
      to: {
        path: '^src/(fetcher|views|render|routes|jobs|mail|commands|app|curate)/|^src/(cli|server|config)\\.ts$',
        pathNot: '^src/app/process\\.ts$',
      },
    },
    {
      name: 'store-reads-never-write',
      severity: 'error',
      comment: 'store/read/ holds queries; writes live in store/write/.',
      from: { path: '^src/store/read/' },
      to: { path: '^src/store/write/' },
    },
    {
      name: 'the-server-reads',
      severity: 'error',
      comment:
        'The server and what it builds pages from only read: writing is for jobs/ and commands/ (store/write/, jobs/).',
      from: { path: '^src/(routes|views|render)/|^src/server\\.ts$' },
      to: { path: '^src/store/write/|^src/jobs/|^src/store/migrations\\.ts$' },
    },
    {
      name: 'views-are-read-models',
      severity: 'error',
      comment:
        'views/ builds view models from the store; it never reaches up to routes, commands, jobs, mail or render.',
      from: { path: '^src/views/' },
      to: { path: '^src/(routes|commands|jobs|mail|render)/' },
    },
    {
      name: 'rank-is-pure',
      comment:
        'rank/ turns texts into scores (tf-idf, the linear model, the why): it imports text/, curate/ and itself, ' +
        'never the store, the network, views, routes, jobs or commands.',
      severity: 'error',
      from: { path: '^src/rank/' },
      to: {
        path: '^src/(store|fetcher|views|render|routes|jobs|mail|commands|app|actions)/|^src/(cli|server|config)\\.ts$',
      },
    },
    {
      name: 'actions-are-called',
      severity: 'error',
      comment:
        "actions/ holds the reader's actions (save, hide, star, watch, seen): routes' POST handlers and commands " +
        'call them; nothing else does.',
      from: { pathNot: '^src/(actions|routes|commands)/|^tests/|^bench/' },
      to: { path: '^src/actions/' },
    },
    {
      name: 'actions-write-below',
      severity: 'error',
      comment:
        'An action writes through store/write/ (and jobs/reflag.ts for the starred flags); it never reaches up ' +
        'to routes, views, render or commands.',
      from: { path: '^src/actions/' },
      to: { path: '^src/(routes|views|render|commands|mail)/|^src/(cli|server)\\.ts$' },
    },
    {
      name: 'actions-and-mail-are-not-jobs',
      severity: 'error',
      comment:
        "actions/ and mail/ write through app/write.ts's queue, not jobs/; the one exception is the starred " +
        'flags, whose one owner is jobs/reflag.ts.',
      from: { path: '^src/(actions|mail)/' },
      to: { path: '^src/jobs/', pathNot: '^src/jobs/reflag\\.ts$' },
    },
    {
      name: 'fetcher-is-an-edge',
      severity: 'error',
      comment: 'fetcher/ speaks arXiv (HTTP and wire formats): it knows nothing of storage, views or the app.',
      from: { path: '^src/fetcher/' },
      to: { path: '^src/(store|views|render|routes|jobs|mail|commands|app|curate)/|^src/(cli|server|config)\\.ts$' },
    },
    {
      name: 'calendar-is-pure',
      severity: 'error',
      comment: "calendar/ is dates and arXiv's schedule; it imports nothing of the app.",
      from: { path: '^src/calendar/' },
      to: { path: '^src/(?!calendar/)' },
    },
    {
      name: 'text-is-pure',
      severity: 'error',
      comment: 'text/ holds pure text helpers (TeX) any layer may use; it imports nothing of the app.',
      from: { path: '^src/text/' },
      to: { path: '^src/(?!text/)' },
    },
    {
      name: 'domain-types-stand-alone',
      severity: 'error',
      comment: 'src/types.ts holds domain types and imports nothing.',
      from: { path: '^src/types\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'nothing-imports-entry-points',
      severity: 'error',
      comment: 'cli.ts is an entry point; only commands wire the server (server.ts) in.',
      from: { path: '^src/', pathNot: '^src/commands/' },
      to: { path: '^src/(cli|server)\\.ts$' },
    },
    {
      name: 'src-never-imports-tests',
      severity: 'error',
      comment: 'Source code does not depend on tests or benches.',
      from: { path: '^src/' },
      to: { path: '^(tests|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
