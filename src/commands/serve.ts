// `serve`: the web app on config.host:config.port until SIGINT or SIGTERM.
import type { Context } from '../context.ts';
import type { CommandArgs } from './index.ts';
import { createApp } from '../server.ts';
import { startServer } from '../http-server.ts';

export async function runServe(context: Context, { io }: CommandArgs): Promise<number> {
  const app = createApp({ context });
  const server = await startServer(app, { host: context.config.host, port: context.config.port });
  io.stdout(`arxiv-curator: serving ${server.url}\n`);
  context.log.info('server.listening', { url: server.url });
  const signal = await waitForSignal();
  context.log.info('server.stopping', { signal });
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
