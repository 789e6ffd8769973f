// Serves a Hono app over node:http on one address, behind the app's fast path if it has one
// (fast-path.ts); closing waits for open connections to end.
import { getRequestListener } from '@hono/node-server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { fastPathOf } from './fast-path.ts';

export interface RunningServer {
  /** `http://127.0.0.1:3000/`; with port 0, the port the system chose. */
  url: string;
  close(): Promise<void>;
}

export function startServer(app: Hono, options: { host: string; port: number }): Promise<RunningServer> {
  const listener = getRequestListener(app.fetch, { hostname: options.host });
  const fastPath = fastPathOf(app);
  const server = createServer(
    fastPath === undefined
      ? listener
      : (request, response) => {
          if (!fastPath(request, response)) void listener(request, response);
        },
  );
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the address is in use (set PORT or HOST)' : error.message;
      reject(new Error(`cannot listen on ${options.host}:${options.port}: ${why}`, { cause: error }));
    });
    server.listen(options.port, options.host, () => {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${host}:${address.port}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would hold close() open until they time out.
            server.closeIdleConnections();
          }),
      });
    });
  });
}
