// A worker for tests/app/worker-queue.test.ts: registers tsx, then loads the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./sleepy-worker.ts');
