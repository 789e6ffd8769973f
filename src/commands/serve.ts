// `serve`: the web app on config.host:config.port and the scheduler, until SIGINT or SIGTERM.
import { createArxivClient } from '../app/arxiv-client.ts';
import { createReadPool, defaultReaderThreads } from '../app/read-pool.ts';
import { startBackgroundJobs } from '../jobs/background.ts';
import { syncStarredFlags, watchStarredAuthors } from '../jobs/reflag.ts';
import { startServer } from '../routes/listen.ts';
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
  // Searches run on reader threads with their own connections, never on the thread serving `/`.
  const reader = createReadPool({
    dbPath: context.config.dbPath,
    threads: defaultReaderThreads(),
    maxQueued: 16,
    log: context.log,
  });
  const app = createApp({ context, status: () => status(), reader });
  const server = await startServer(app, { host: context.config.host, port: context.config.port }).catch(
    async (error: unknown) => {
      await reader.close();
      throw error;
    },
  );
  io.stdout(`arxiv-curator: serving ${server.url}\n`);
  context.log.info('server.listening', { url: server.url });
  const authors = watchStarredAuthors(context);
  const jobs = startBackgroundJobs(context, http);
  status = () => jobs.status();
  const signal = await waitForSignal();
  context.log.info('server.stopping', { signal });
  controller.abort(new Error(`${signal} received`));
  authors.stop();
  await jobs.stop();
  await http.close();
  // Requests in flight finish first: their searches need the reader threads.
  await server.close();
  await reader.close();
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
