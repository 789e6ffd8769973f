// The reader thread starts without the main thread's TypeScript loader: register tsx, then load the body.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
