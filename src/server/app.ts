/**
 * Starts a receiver from a configuration: store, notification worker,
 * handler, socket. Used by the entry point and by tests that need a real
 * server on a free port.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY } from './callbacks.js';
import { configure, type ServerConfig, type ServerSettings } from './config.js';
import { createHandler, type Handler } from './handler.js';
import { listen } from './listen.js';
import { channels as openChannels } from './notify.js';
import { startOutbox } from './outbox.js';
import { openStore, type Store } from './store.js';

/** A running receiver. */
export interface Running {
  url: string;
  /** The inbox's address, as notifications link to it. */
  inboxUrl: string;
  config: ServerConfig;
  server: Server;
  store: Store;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Where the worker reports failed deliveries (console.error). */
  log?: (line: string) => void;
}

/** Starts the receiver; settings left out get the defaults of an empty environment. */
export async function startServer(settings: ServerSettings, options: StartOptions = {}): Promise<Running> {
  const config = configure(settings);
  const log = options.log ?? console.error;
  const store = openStore(config.dataDir);
  const channels = openChannels(config.notify);
  const outbox = startOutbox({ store, channels, retryBaseMs: config.notify.retryBaseMs, retryMaxMs: config.notify.retryMaxMs, log });
  // The inbox link needs the port, known only once listening; no request
  // is read before the handler below exists.
  let handler: Handler | undefined;
  const server = await listen((request, client) => handler!(request, client), { port: config.port, host: config.host, maxBody: MAX_BODY });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const inboxUrl = `${config.publicUrl ?? url}/admissions`;
  handler = createHandler({ store, config, inboxUrl, channels: channels.map((c) => c.name), stored: outbox.kick });
  return {
    url,
    inboxUrl,
    config,
    server,
    store,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await outbox.stop();
      channels.forEach((c) => c.close?.());
      store.close();
    },
  };
}
