// `serve`: the web app on config.host:config.port and the scheduler, until SIGINT or SIGTERM.
import { createArxivClient } from '../app/arxiv-client.ts';
import { startBackgroundJobs } from '../jobs/background.ts';
import { syncStarredFlags, watchStarredAuthors } from '../jobs/reflag.ts';
import { startRetrainer } from '../jobs/retrain.ts';
import { startServer } from '../routes/listen.ts';
import { describeWritePolicy, readWritePolicy } from '../routes/writes.ts';
import { createApp } from '../server.ts';
import type { StatusView } from '../views/types.ts';
import type { CommandArgs } from './types.ts';

export async function runServe({ open, io }: CommandArgs): Promise<number> {
  const context = open();
  // Flags stored by an earlier list are redone before the first page is served.
  syncStarredFlags(context);
  // Aborting it cancels the request in flight and any wait, so a signal ends the process in seconds.
  const controller = new AbortController();
  const http = createArxivClient(context.config, { log: context.log, signal: controller.signal });
  // The scheduler starts after the server listens; until then nothing is scheduled.
  let status: () => StatusView = () => ({});
  // The ranking is trained on a worker thread whenever its inputs change (a save, a new day).
  const retrainer = startRetrainer(context);
  const app = createApp({ context, status: () => status(), onWrite: () => retrainer.poke() });
  const server = await startServer(app, { host: context.config.host, port: context.config.port });
  io.stdout(`arxiv-curator: serving ${server.url}\n`);
  const writes = describeWritePolicy(context.config);
  if (writes !== undefined) io.stdout(`arxiv-curator: ${writes}\n`);
  context.log.info('server.listening', { url: server.url, writes: readWritePolicy(context.config) });
  const authors = watchStarredAuthors(context);
  const jobs = startBackgroundJobs(context, http);
  status = () => jobs.status();
  const signal = await waitForSignal();
  context.log.info('server.stopping', { signal });
  controller.abort(new Error(`${signal} received`));
  authors.stop();
  await jobs.stop();
  await retrainer.stop();
  await http.close();
  await server.close();
  return 0;
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
