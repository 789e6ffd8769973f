// A worker starts without the main thread's loader: it loads its body compiled (in dist/), or as
// TypeScript where Node strips types itself (22.18+, 24), or through tsx (Node 20 from src/).
// The pattern of fetcher/parse-worker-entry.mjs (the lead will unify the worker pools).
import { existsSync } from 'node:fs';

const compiled = new URL('./retrain-worker.js', import.meta.url);
if (existsSync(compiled)) await import(compiled.href);
else {
  if (!process.features.typescript) (await import('tsx/esm/api')).register();
  await import('./retrain-worker.ts');
}
