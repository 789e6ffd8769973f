// The worker starts without the main thread's TypeScript loader: register tsx, then load the body.
import { register } from 'tsx/esm/api';

register();
await import('./serve-renderer.ts');
