/**
 * Starts a receiver from a configuration: store, handler, socket. Used by
 * the entry point and by tests that need a real server on a free port.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config.js';
import { createHandler, MAX_BODY } from './handler.js';
import { listen } from './listen.js';
import { openStore, type Store } from './store.js';

/** A running receiver. */
export interface Running {
  url: string;
  server: Server;
  store: Store;
  stop(): Promise<void>;
}

/** Starts the receiver. */
export async function startServer(config: ServerConfig): Promise<Running> {
  const store = openStore(config.dataDir);
  const handler = createHandler({ store, staticDirs: config.staticDirs });
  const server = await listen(handler, { port: config.port, host: config.host, maxBody: MAX_BODY });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    server,
    store,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
