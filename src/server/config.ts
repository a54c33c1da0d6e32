/**
 * The receiver's configuration, read from the environment in this one place.
 * Every setting has a safe default for the demo.
 */
import { resolve } from 'node:path';

export interface ServerConfig {
  /** Port to listen on (PORT, default 5173). */
  port: number;
  /** Interface to bind (HOST, default 127.0.0.1: not reachable from other machines). */
  host: string;
  /** Folder for the SQLite database file (DATA_DIR, default ./data). */
  dataDir: string;
  /** Folders served as static files, first match wins (STATIC_DIRS, default "demo:dist"; empty to serve none). */
  staticDirs: string[];
}

/** Reads the configuration from an environment (process.env by default). */
export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const port = Number(env.PORT ?? 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const staticDirs = (env.STATIC_DIRS ?? 'demo:dist').split(':').filter(Boolean).map((d) => resolve(d));
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || 'data'),
    staticDirs,
  };
}
