/**
 * Real headless Chromium for end-to-end tests, driven by playwright-core
 * (which never downloads a browser). The browser is Debian's `chromium`, or
 * whatever CHROME_PATH names. Without one, browser tests are skipped loudly;
 * with REQUIRE_BROWSER=1 (as .ci/run sets) a missing browser fails instead.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Path of a Chromium binary, or null. */
export function chromePath(): string | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const CHROME = chromePath();

if (!CHROME) {
  const message = `
==========================================================================
 BROWSER TESTS SKIPPED: no Chromium found (looked at CHROME_PATH and
 ${CANDIDATES.join(', ')}).
 Install it with:  sudo apt-get install -y chromium
 or point CHROME_PATH at a Chromium/Chrome binary.
==========================================================================
`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but no Chromium was found.${message}`);
  console.warn(message);
}

/** Launches headless Chromium with the flags this sandboxed, offline machine needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME!,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
