// A worker thread started from the sources (the tests, `npm run dev`) rather than dist/: a worker
// starts without the main thread's loader, so this loads its body's TypeScript, given as the last
// argument (app/worker-thread.ts spawnWorker): through Node's type stripping where it has it
// (22.18+, 24), else through tsx, a dev dependency. dist/ starts its compiled bodies directly.
const body = process.argv.at(-1);
if (!process.features.typescript) (await import('tsx/esm/api')).register();
await import(body);
