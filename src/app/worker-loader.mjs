// A worker thread starts without the main thread's loader. Each worker's entry (a small .mjs beside
// its body) loads the body through here: compiled where it is (dist/, built by scripts/build.mjs),
// else as TypeScript where Node strips types itself (22.18+, 24), else through tsx (Node 20, src/).
import { existsSync } from 'node:fs';

/** @param {URL} body the worker's .ts file */
export async function loadWorkerBody(body) {
  const compiled = new URL(body.href.replace(/\.ts$/, '.js'));
  if (existsSync(compiled)) return import(compiled.href);
  if (!process.features.typescript) (await import('tsx/esm/api')).register();
  return import(body.href);
}
