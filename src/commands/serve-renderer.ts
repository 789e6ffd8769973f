// A render thread of `serve` (app/worker-queue.ts): the same app, on a read-only connection of its
// own, renders the pages the web thread's cache does not hold, so the web thread never spends a
// page's rendering time and keeps answering everyone else.
import { runInBackground } from '../app/priority.ts';
import { workerData } from 'node:worker_threads';
import { openContext } from '../app/context.ts';
import { createLogger } from '../app/log.ts';
import { answerJobs } from '../app/worker-queue.ts';
import { loadConfig } from '../config.ts';
import { currentStarred } from '../jobs/reflag.ts';
import type { Rendered } from '../routes/cache.ts';
import type { RenderJob } from '../routes/site.ts';
import { createApp } from '../server.ts';

// Rendering takes the CPU the web thread leaves: on a busy machine `/` from the cache goes first.
runInBackground();

const config = loadConfig((workerData as { env: NodeJS.ProcessEnv }).env);
const context = openContext(config, { readOnly: true, log: createLogger(config.logLevel) });
let job: RenderJob | undefined;
const app = createApp({ context, status: () => job?.status ?? {}, renderJob: () => job });

answerJobs<RenderJob, Rendered>(async (next) => {
  // The web thread re-read authors.json: so does this one, to name the flags alike.
  if (next.starredHash !== context.starred.current().hash) currentStarred(context);
  job = next;
  try {
    const response = await app.request(`http://render${next.path}`);
    if (response.status >= 500) throw new Error(`rendering ${next.path} failed (see the log)`);
    const type = response.headers.get('content-type') ?? 'text/plain; charset=utf-8';
    return { status: response.status as Rendered['status'], type, body: await response.text() };
  } finally {
    job = undefined;
  }
});
