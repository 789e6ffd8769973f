// The worker's entry: loads its body (compiled, or TypeScript through Node or tsx: app/worker-loader.mjs).
import { loadWorkerBody } from '../app/worker-loader.mjs';

await loadWorkerBody(new URL('./retrain-worker.ts', import.meta.url));
