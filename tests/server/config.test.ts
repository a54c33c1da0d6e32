import { describe, expect, it } from 'vitest';
import { configure, readConfig } from '../../src/server/index.js';

describe('readConfig', () => {
  it('has safe demo defaults', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 5173,
      host: '127.0.0.1',
      allowedOrigins: [],
      rateLimitPerMinute: 10,
      trustProxy: false,
      publicUrl: undefined,
      notify: { webhookUrl: undefined, smtpUrl: undefined, retryBaseMs: 5000, retryMaxMs: 600_000 },
    });
  });

  it('reads every variable', () => {
    const config = readConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      ALLOWED_ORIGINS: ' https://www.sunrise.example , http://localhost:3000',
      RATE_LIMIT_PER_MINUTE: '0',
      TRUST_PROXY: '1',
      PUBLIC_URL: 'https://intake.sunrise.example/',
      NOTIFY_WEBHOOK_URL: 'https://hooks.example/T1',
      SMTP_URL: 'smtps://user:pass@mail.example:465',
      NOTIFY_EMAIL_TO: 'admissions@sunrise.example',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      allowedOrigins: ['https://www.sunrise.example', 'http://localhost:3000'],
      rateLimitPerMinute: 0,
      trustProxy: true,
      publicUrl: 'https://intake.sunrise.example',
      notify: { webhookUrl: 'https://hooks.example/T1', smtpUrl: 'smtps://user:pass@mail.example:465', emailTo: 'admissions@sunrise.example', emailFrom: 'admissions@sunrise.example' },
    });
  });

  it('stops on a setting that is present but wrong', () => {
    for (const [env, message] of [
      [{ ALLOWED_ORIGINS: '*' }, /origins like/],
      [{ ALLOWED_ORIGINS: 'https://a.example/page' }, /no path/],
      [{ ALLOWED_ORIGINS: 'www.a.example' }, /origins like/],
      [{ PORT: 'eighty' }, /PORT/],
      [{ RATE_LIMIT_PER_MINUTE: '-1' }, /RATE_LIMIT_PER_MINUTE/],
      [{ PUBLIC_URL: 'intake.example' }, /PUBLIC_URL/],
      [{ NOTIFY_WEBHOOK_URL: 'ftp://x' }, /NOTIFY_WEBHOOK_URL/],
      [{ SMTP_URL: 'mail.example' }, /SMTP_URL/],
      [{ SMTP_URL: 'smtp://mail.example' }, /NOTIFY_EMAIL_TO/],
    ] as const) {
      expect(() => readConfig(env), JSON.stringify(env)).toThrow(message);
    }
  });
});

describe('configure', () => {
  it('fills what a caller leaves out with the defaults', () => {
    const config = configure({ dataDir: '/tmp/x', notify: { retryBaseMs: 10 } });
    expect(config.dataDir).toBe('/tmp/x');
    expect(config.notify).toMatchObject({ retryBaseMs: 10, retryMaxMs: 600_000 });
    expect(config.admissionsTokenGenerated).toBe(true);
    expect(configure({ dataDir: '/tmp/x', admissionsToken: 'a'.repeat(16) }).admissionsTokenGenerated).toBe(false);
  });
});
