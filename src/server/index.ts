/** The callback receiver's public surface. */
export { startServer, type Running, type StartOptions } from './app.js';
export { readConfig, configure, type ServerConfig, type ServerSettings, type NotifyConfig } from './config.js';
export { createHandler, type Handler } from './handler.js';
export { MAX_BODY } from './callbacks.js';
export { noticeText, type Channel } from './notify.js';
export { openStore, STATUSES, type Store, type StoredRequest, type Status } from './store.js';
