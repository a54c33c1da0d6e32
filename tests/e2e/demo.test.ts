/**
 * The walking skeleton, end to end, as a visitor and an admissions team see
 * it: the built demo page from a running receiver, the launcher, an answer
 * from the prebuilt index, a callback request that lands in SQLite and shows
 * at /admissions.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../../src/server/index.js';
import { MIN_FILL_MS } from '../../src/widget/components/callback-form.js';
import { CHROME, launch } from './browser.js';

describe.skipIf(!CHROME)('demo page in Chromium', () => {
  let server: Running;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ac-e2e-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDirs: [resolve('demo'), resolve('dist')] });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function openDemo(path = '/'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + path);
    return { page, errors };
  }

  it('paints one launcher in an open shadow root and loads nothing else until intent', async () => {
    const requests: string[] = [];
    const page = await browser.newPage();
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url + '/');
    await page.waitForSelector('[data-admissions-chat] >> css=.launcher');
    expect(await page.evaluate(() => document.querySelectorAll('[data-admissions-chat]').length)).toBe(1);
    expect(await page.evaluate(() => document.querySelector('[data-admissions-chat]')!.shadowRoot !== null)).toBe(true);
    await page.waitForTimeout(300);
    expect(requests.filter((p) => p.includes('admissions-chat'))).toEqual(['/admissions-chat.js']);
    await page.close();
  });

  it('answers "what is iop" from the prebuilt index', async () => {
    const { page, errors } = await openDemo();
    await page.locator('[data-admissions-chat] >> css=.launcher').click();
    const input = page.locator('[data-admissions-chat] >> css=#ac-question');
    await expect.poll(() => input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await input.fill('what is iop');
    await input.press('Enter');
    const answer = page.locator('[data-admissions-chat] >> css=[data-entry="what-is-iop"]');
    await answer.waitFor();
    expect(await answer.innerText()).toMatch(/intensive outpatient program/i);
    const call = page.locator('[data-admissions-chat] >> css=.header-call');
    expect(await call.getAttribute('href')).toBe('tel:+15550100100');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends a callback request that is stored in SQLite and listed at /admissions', async () => {
    const { page, errors } = await openDemo('/program.html');
    await page.locator('[data-admissions-chat] >> css=.launcher').click();
    await page.locator('[data-admissions-chat] >> css=.reach button').click();
    const form = page.locator('[data-admissions-chat] >> css=form.callback');
    await form.locator('#ac-first-name').fill('Maria');
    await form.locator('#ac-phone').fill('555.234.9876');
    await form.locator('#ac-best-time').selectOption('evening');
    await form.locator('button[type="submit"]').click();
    // Consent is unchecked by default: nothing may be sent without it.
    await form.locator('.field-error').first().waitFor();
    expect(await form.locator('.field-error').first().innerText()).toMatch(/consent/i);
    await form.locator('.consent input').first().check();
    await page.waitForTimeout(MIN_FILL_MS); // a person takes a few seconds; a faster send is asked to look again
    await form.locator('button[type="submit"]').click();
    const sent = page.locator('[data-admissions-chat] >> css=.callback.sent');
    await sent.waitFor();
    expect(await sent.innerText()).toMatch(/reference number is\s+1/);

    const db = new Database(join(dataDir, 'callbacks.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT first_name, phone, best_time, for_whom, consent_text FROM callback_requests').all();
    db.close();
    expect(rows).toEqual([
      {
        first_name: 'Maria',
        phone: '+15552349876',
        best_time: 'evening',
        for_whom: 'self',
        consent_text: expect.stringContaining('Sunrise Recovery may call me') as unknown as string,
      },
    ]);
    expect((await fetch(`${server.url}/admissions`)).status).toBe(401);
    const inbox = await (await fetch(`${server.url}/admissions`, { headers: { authorization: `Bearer ${server.config.admissionsToken}` } })).text();
    expect(inbox).toContain('Maria');
    expect(inbox).toContain('(555) 234-9876');
    expect(errors).toEqual([]);
    await page.close();
  });
});
