/** The callback receiver's public surface. */
export { startServer, type Running } from './app.js';
export { readConfig, type ServerConfig } from './config.js';
export { createHandler, MAX_BODY } from './handler.js';
export { openStore, type Store, type StoredRequest } from './store.js';
