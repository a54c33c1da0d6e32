/**
 * The receiver's configuration, read from the environment in this one place.
 * Every setting has a safe default for the demo; a setting that is present
 * but wrong stops the start with a message, because a receiver that quietly
 * drops notifications or lets any site post is worse than one that won't run.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

/** Where notifications go, and how patiently. */
export interface NotifyConfig {
  /** Slack-compatible webhook: POST {"text"} (NOTIFY_WEBHOOK_URL; none by default). */
  webhookUrl?: string;
  /** SMTP server, e.g. smtp://user:pass@mail.example:587 or smtps://... (SMTP_URL; none by default). */
  smtpUrl?: string;
  /** Recipient(s) of the email, comma-separated (NOTIFY_EMAIL_TO; required with SMTP_URL). */
  emailTo?: string;
  /** Sender of the email (NOTIFY_EMAIL_FROM, default NOTIFY_EMAIL_TO). */
  emailFrom?: string;
  /** First retry after this long; each next one waits twice as long (5 s). */
  retryBaseMs: number;
  /** The longest wait between two attempts (10 min). */
  retryMaxMs: number;
}

export interface ServerConfig {
  /** Port to listen on (PORT, default 5173). */
  port: number;
  /** Interface to bind (HOST, default 127.0.0.1: not reachable from other machines). */
  host: string;
  /** Folder for the SQLite database file (DATA_DIR, default ./data). */
  dataDir: string;
  /** Folders served as static files, first match wins (STATIC_DIRS, default "demo:dist"; empty to serve none). */
  staticDirs: string[];
  /** The receiver's address as the admissions team reaches it, for links in notifications (PUBLIC_URL, default the listening address). */
  publicUrl?: string;
  /** Other sites whose pages may POST callback requests (ALLOWED_ORIGINS, comma-separated; default none: same origin only). */
  allowedOrigins: string[];
  /** Callback requests (and inbox logins) per client IP per minute (RATE_LIMIT_PER_MINUTE, default 10; 0 turns it off). */
  rateLimitPerMinute: number;
  /** Take the client IP from the last X-Forwarded-For entry, set by a reverse proxy in front (TRUST_PROXY=1; default off). */
  trustProxy: boolean;
  /** The secret that opens /admissions (ADMISSIONS_TOKEN, at least 16 characters; default a random one per start). */
  admissionsToken: string;
  /** True when admissionsToken was made up at start, so the entry point prints it. */
  admissionsTokenGenerated: boolean;
  notify: NotifyConfig;
}

/** Settings a caller may leave out: startServer fills them with the defaults. */
export type ServerSettings = Partial<Omit<ServerConfig, 'notify'>> & Pick<ServerConfig, 'dataDir'> & { notify?: Partial<NotifyConfig> };

function origin(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must hold origins like https://www.example.org, got "${value}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.origin + '/' !== url.href.replace(/\/?$/, '/')) {
    throw new Error(`${name} must hold origins like https://www.example.org (no path, no "*"), got "${value}"`);
  }
  return url.origin;
}

function httpUrl(value: string, name: string): string {
  try {
    const url = new URL(value);
    if (/^https?:$/.test(url.protocol)) return url.href;
  } catch {
    // reported below
  }
  throw new Error(`${name} must be an http(s) URL, got "${value}"`);
}

function whole(value: string | undefined, name: string, fallback: number, max: number): number {
  const n = Number(value || fallback);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${name} must be a whole number from 0 to ${max}, got "${value}"`);
  return n;
}

/** Reads the configuration from an environment (process.env by default). */
export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const staticDirs = (env.STATIC_DIRS ?? 'demo:dist').split(':').filter(Boolean).map((d) => resolve(d));
  const token = env.ADMISSIONS_TOKEN ?? '';
  if (token && token.length < 16) throw new Error('ADMISSIONS_TOKEN must be at least 16 characters (try: openssl rand -hex 24)');
  if (env.SMTP_URL && !/^smtps?:\/\//.test(env.SMTP_URL)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
  if (env.SMTP_URL && !env.NOTIFY_EMAIL_TO) throw new Error('NOTIFY_EMAIL_TO is required with SMTP_URL: who should the email go to?');
  return {
    port: whole(env.PORT, 'PORT', 5173, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || 'data'),
    staticDirs,
    publicUrl: env.PUBLIC_URL ? httpUrl(env.PUBLIC_URL, 'PUBLIC_URL').replace(/\/+$/, '') : undefined,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => origin(o, 'ALLOWED_ORIGINS')),
    rateLimitPerMinute: whole(env.RATE_LIMIT_PER_MINUTE, 'RATE_LIMIT_PER_MINUTE', 10, 1_000_000),
    trustProxy: /^(1|true|yes)$/i.test(env.TRUST_PROXY ?? ''),
    // Never a fixed default: a demo left running must not open with a known password.
    admissionsToken: token || randomBytes(18).toString('base64url'),
    admissionsTokenGenerated: !token,
    notify: {
      webhookUrl: env.NOTIFY_WEBHOOK_URL ? httpUrl(env.NOTIFY_WEBHOOK_URL, 'NOTIFY_WEBHOOK_URL') : undefined,
      smtpUrl: env.SMTP_URL || undefined,
      emailTo: env.NOTIFY_EMAIL_TO || undefined,
      emailFrom: env.NOTIFY_EMAIL_FROM || env.NOTIFY_EMAIL_TO || undefined,
      retryBaseMs: 5_000,
      retryMaxMs: 10 * 60_000,
    },
  };
}

/** Settings filled in with the defaults: what an empty environment would give. */
export function configure(settings: ServerSettings): ServerConfig {
  const defaults = readConfig({});
  return {
    ...defaults,
    ...settings,
    admissionsTokenGenerated: settings.admissionsTokenGenerated ?? (settings.admissionsToken ? false : defaults.admissionsTokenGenerated),
    notify: { ...defaults.notify, ...settings.notify },
  };
}
