/**
 * The widget as site owners and visitors meet it, in real Chromium: what it
 * sends over the network, how it survives a hostile theme and a strict CSP,
 * its JS API, keyboard use, phones, and axe-core in every state.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../../src/server/index.js';
import { MIN_FILL_MS } from '../../src/widget/components/callback-form.js';
import { CHROME, launch } from './browser.js';

const W = '[data-admissions-chat]';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };
/** The directives the README tells site owners to add for the widget. */
const CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const AXE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

describe.skipIf(!CHROME)('widget in Chromium', () => {
  let server: Running;
  let browser: Browser;
  let dataDir: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ac-widget-'));
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      staticDirs: [resolve('tests/e2e/pages'), resolve('demo'), resolve('dist'), resolve('node_modules/bootstrap/dist/css')],
    });
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A fresh context (no cache, no storage) per page, collecting page errors and CSP violations. */
  async function open(path: string, viewport = DESKTOP, options: { csp?: string; colorScheme?: 'light' | 'dark'; forcedColors?: 'active' } = {}) {
    const context = await browser.newContext({ viewport, colorScheme: options.colorScheme ?? 'light', forcedColors: options.forcedColors ?? 'none' });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    if (options.csp) {
      await page.route(`${server.url}${path}`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', headers: { 'content-security-policy': options.csp! }, body: readFileSync(resolve('tests/e2e/pages', path.slice(1)), 'utf8') }),
      );
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
    }
    await page.goto(server.url + path);
    await page.locator(`${W} .launcher`).waitFor({ state: 'attached' });
    return { page, errors, context };
  }

  async function ask(page: Page, question: string) {
    const replies = page.locator(`${W} .msg:not(.visitor):not(.typing)`);
    // Counted once the panel is drawn: counted before, its greeting would pass for the reply.
    await page.locator(`${W} #ac-question`).waitFor();
    const before = await replies.count();
    await page.locator(`${W} #ac-question`).fill(question);
    await page.locator(`${W} #ac-question`).press('Enter');
    await expect.poll(() => replies.count()).toBeGreaterThan(before);
  }

  async function axe(page: Page, state: string): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
    await settled(page); // judge colors as they end up, not halfway through the panel's fade-in
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      });
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
    return violations.map((v) => `${state}: ${v}`);
  }

  it('sends nothing while chatting but the knowledge base\'s files, each once; a callback request is the one more', async () => {
    const { page, context, errors } = await open('/');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
    await page.locator(`${W} .launcher`).click();
    for (const q of ['what is iop', 'how many hours a week', 'do you take insurance', 'can i keep my job', 'what about detox', 'is it confidential', 'do you have evening groups', 'how long does it last', 'can my family be involved', 'hello']) {
      await ask(page, q);
    }
    await page.locator(`${W} .close`).click();
    const app = requests.filter((r) => /admissions-chat\.app\.[\w-]+\.js$/.test(r));
    expect(app).toHaveLength(1);
    const rest = requests.filter((r) => !app.includes(r));
    expect(rest.slice(0, 2)).toEqual(['GET /admissions-chat.kb.json', expect.stringMatching(/^GET \/admissions-chat\.kb\.[0-9a-f]+\.json$/)]);
    // Then the answers, each file once: the first when the first answer needs it, the others while the visitor reads.
    const answers = rest.slice(2);
    expect(answers.length).toBeGreaterThan(0);
    for (const r of answers) expect(r).toMatch(/^GET \/admissions-chat\.answers\.[0-9a-f]+\.json$/);
    expect(new Set(answers).size).toBe(answers.length);

    await page.locator(`${W} .launcher`).click();
    await page.locator(`${W} .reach button`).click();
    await fillCallbackForm(page, 'Lee', '555 234 0000');
    const before = requests.length;
    await page.locator(`${W} form.callback button[type="submit"]`).click();
    await page.locator(`${W} .callback.sent`).waitFor();
    expect(requests.slice(before)).toEqual(['POST /api/callbacks']);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [document.cookie, Object.keys(localStorage), Object.keys(sessionStorage)])).toEqual(['', [], ['admissions-chat:session:v1']]);
    expect(errors).toEqual([]);
  });

  it('looks and measures the same on a hostile theme (Bootstrap 5 and !important globals) as on the demo page', async () => {
    const measure = async (path: string) => {
      const { page, errors } = await open(path);
      const launcher = await snapshot(page, ['.launcher', '.launcher span']);
      await page.locator(`${W} .launcher`).click();
      await ask(page, 'what is iop');
      await settled(page);
      const panel = await snapshot(page, ['.panel', '.header h2', '.subtitle', '.header-call', '.close', '.notice', '[data-entry] .answer p', '.chip', '.reach .button', '#ac-question', '.send']);
      return { launcher, panel, errors };
    };
    const demo = await measure('/');
    const hostile = await measure('/hostile.html');
    expect(hostile.launcher).toEqual(demo.launcher);
    expect(hostile.panel).toEqual(demo.panel);
    expect(demo.panel['.header h2'].font).toContain(' 600 16px/'); // the panel's own type (panel.css), not the page's
    expect(hostile.errors).toEqual([]);
  });

  it('works under a strict Content Security Policy with no violation, styled', async () => {
    const { page, errors } = await open('/csp.html', DESKTOP, { csp: CSP });
    const launcher = page.locator(`${W} .launcher`);
    expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(122, 31, 162)');
    // The icon is drawn in CSS in the launcher's text color, with no text for screen readers (the label names the button), and no SVG on the host page.
    expect(
      await launcher.evaluate((el) => {
        const icon = getComputedStyle(el, '::before');
        return [icon.content, icon.width, icon.backgroundColor === getComputedStyle(el).color, el.querySelector('svg')];
      }),
    ).toEqual(['""', '20px', true, null]);
    await launcher.click();
    await ask(page, 'what is iop');
    await page.locator(`${W} [data-entry="what-is-iop"]`).waitFor();
    expect(await page.locator(`${W} .panel`).evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(errors).toEqual([]);
  });

  it('replays calls queued by the stub, runs once when pasted twice, and removes every trace on destroy', async () => {
    const { page, errors } = await open('/api.html');
    await page.locator(`${W} [data-entry="what-is-iop"]`).waitFor();
    expect(await page.evaluate(() => document.querySelectorAll('[data-admissions-chat]').length)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['open', 'question:answer:what-is-iop']);
    await page.evaluate(() => (window as unknown as { AdmissionsChat: { toggle(): void } }).AdmissionsChat.toggle());
    await expect.poll(() => page.locator(`${W} .panel`).count()).toBe(0);
    const globalsBefore = await page.evaluate(() => Object.keys(window).length);
    await page.evaluate(() => (window as unknown as { AdmissionsChat: { destroy(): void } }).AdmissionsChat.destroy());
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('[data-admissions-chat]').length)).toBe(0);
    expect(await page.evaluate(() => 'AdmissionsChat' in window)).toBe(false);
    expect(await page.evaluate(() => Object.keys(window).length)).toBe(globalsBefore - 1);
    expect(errors).toEqual([]);
  });

  it('keeps a request made while the receiver is down, and delivers it on the next page load', async () => {
    const { page, errors } = await open('/');
    // The receiver is unreachable: every POST is refused at the connection.
    await page.route('**/api/callbacks', (route) => route.abort('connectionrefused'));
    await page.locator(`${W} .launcher`).click();
    await page.locator(`${W} .reach button`).click();
    await fillCallbackForm(page, 'Rosa', '(555) 234-7777');
    await page.locator(`${W} form.callback button[type="submit"]`).click();
    await page.locator(`${W} .callback.saved`).waitFor({ timeout: 20_000 });
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('admissions-chat:outbox:v1') ?? '[]') as { request: { requestId: string } }[]);
    expect(kept).toHaveLength(1);
    const before = rows();

    await page.unroute('**/api/callbacks');
    await page.goto(`${server.url}/program.html`);
    await page.locator(`${W} .msg.bot >> text=/reached our admissions team/`).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('admissions-chat:outbox:v1'))).toBeNull();
    expect(rows()).toBe(before + 1);
    expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
  });

  /** Callback requests stored so far, read from the real SQLite file. */
  function rows(): number {
    const db = new Database(join(dataDir, 'callbacks.sqlite'), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM callback_requests').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  it('loads the callback form when wanted; a failed load says so, keeps the call link, and tries again', async () => {
    const { page, errors } = await open('/');
    const form = /\/admissions-chat\.callback-form\.[\w-]+\.js$/;
    const sending = /\/admissions-chat\.delivery\.[\w-]+\.js$/;
    const fetched: string[] = [];
    const fetchedSending: string[] = [];
    page.on('request', (r) => void (form.test(r.url()) ? fetched.push(r.url()) : sending.test(r.url()) && fetchedSending.push(r.url())));
    let refuse = true;
    await page.route(form, (route) => (refuse ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
    await page.locator(`${W} .launcher`).click();
    await ask(page, 'what is iop');
    expect(fetched).toEqual([]); // chatting never fetches the form
    expect(fetchedSending).toEqual([]); // nor the code that sends it
    await page.locator(`${W} .reach button`).click();
    const alert = page.locator(`${W} .callback[role="alert"]`);
    await expect.poll(() => alert.textContent()).toMatch(/could not open/);
    expect(await alert.locator('a[href="tel:+15550100100"]').count()).toBe(1);
    refuse = false;
    await alert.locator('button', { hasText: 'Try again' }).click();
    await page.locator(`${W} #ac-first-name`).waitFor();
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-admissions-chat]')!.shadowRoot!.activeElement?.id)).toBe('ac-first-name');
    expect(fetched.length).toBe(2);
    expect(fetchedSending.length).toBeGreaterThan(0); // fetched beside the form, which imports it
    expect(errors.filter((e) => !/503|Failed to fetch|dynamically imported module/.test(e))).toEqual([]);
  });

  it('keeps the conversation when the visitor moves to another page in the same tab', async () => {
    const { page } = await open('/');
    await page.locator(`${W} .launcher`).click();
    await ask(page, 'what is iop');
    await page.goto(`${server.url}/program.html`);
    await page.locator(`${W} [data-entry="what-is-iop"]`).waitFor();
    expect(await page.locator(`${W} .panel`).count()).toBe(1);
  });

  it('is fully usable with the keyboard alone', async () => {
    const { page } = await open('/');
    const active = () => page.evaluate(() => {
      const host = document.querySelector('[data-admissions-chat]')!;
      const el = document.activeElement === host ? host.shadowRoot!.activeElement : document.activeElement;
      return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}` : '';
    });
    for (let i = 0; i < 12 && !(await active()).includes('launcher'); i++) await page.keyboard.press('Tab');
    expect(await active()).toContain('launcher');
    await page.keyboard.press('Enter');
    await expect.poll(active).toBe('input#ac-question.');
    await page.keyboard.type('how long is iop');
    await page.keyboard.press('Enter');
    await page.locator(`${W} [data-entry="how-long-is-iop"]`).waitFor();
    await page.keyboard.press('Shift+Tab'); // from the question box back to the reach bar
    expect(await active()).toMatch(/button|a\./);
    await page.keyboard.press('Escape');
    await expect.poll(active).toContain('launcher');
    expect(await page.locator(`${W} .panel`).count()).toBe(0);
  });

  it('fills a phone screen as a modal: focus stays inside, the page does not scroll, closing restores both', async () => {
    const { page } = await open('/', PHONE);
    await page.locator(`${W} .launcher`).click();
    const panel = page.locator(`${W} .panel`);
    await panel.waitFor();
    await settled(page);
    expect(await panel.getAttribute('aria-modal')).toBe('true');
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
    expect(await page.locator(`${W} #ac-question`).evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
    for (let i = 0; i < 15; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-admissions-chat'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('visible');
  });

  it('stays usable at 320px wide and at 200% zoom', async () => {
    for (const viewport of [{ width: 320, height: 568 }, { width: 640, height: 400 }]) {
      const { page } = await open('/', viewport);
      await page.locator(`${W} .launcher`).click();
      await ask(page, 'what is iop');
      const fits = await page.locator(`${W} .panel`).evaluate((panel) => {
        const box = panel.getBoundingClientRect();
        const inside = [...panel.querySelectorAll('a, button, input')].every((el) => {
          const r = el.getBoundingClientRect();
          return r.width >= 24 && r.height >= 24 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
        });
        return { inside, overflow: panel.scrollWidth <= panel.clientWidth };
      });
      expect(fits, `${viewport.width}x${viewport.height}`).toEqual({ inside: true, overflow: true });
    }
  });

  it('keeps the launcher, its icon and the close cross visible in forced colors (Windows high contrast)', async () => {
    const { page } = await open('/', DESKTOP, { forcedColors: 'active' });
    const launcher = page.locator(`${W} .launcher`);
    // Each drawn in the button's forced text color, so it stands out from the button's forced background.
    const drawn = (el: Element, parts: string[]) => {
      const style = getComputedStyle(el);
      return [style.borderTopColor, ...parts.map((p) => getComputedStyle(el, p).backgroundColor)].map((c) => c === style.color && c !== style.backgroundColor);
    };
    expect(await launcher.evaluate(drawn, ['::before'])).toEqual([true, true]);
    await launcher.click();
    expect(await page.locator(`${W} .close`).evaluate(drawn, ['::before', '::after'])).toEqual([true, true, true]);
  });

  it('has no axe-core violations in any state, light or dark', async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await open('/', DESKTOP, { colorScheme });
      found.push(...(await axe(page, `${colorScheme} closed`)));
      await page.locator(`${W} .launcher`).click();
      await page.locator(`${W} .panel`).waitFor();
      found.push(...(await axe(page, `${colorScheme} open`)));
      await ask(page, 'what is iop');
      found.push(...(await axe(page, `${colorScheme} answered`)));
      await ask(page, 'can i bring my dog');
      found.push(...(await axe(page, `${colorScheme} fallback`)));
      await ask(page, 'i want to end my life');
      found.push(...(await axe(page, `${colorScheme} crisis`)));
      await page.locator(`${W} .reach button`).click();
      await page.locator(`${W} form.callback`).waitFor();
      found.push(...(await axe(page, `${colorScheme} form`)));
      await page.locator(`${W} form.callback button[type="submit"]`).click();
      await page.locator(`${W} .field-error`).first().waitFor();
      found.push(...(await axe(page, `${colorScheme} form error`)));
      await fillCallbackForm(page, 'Sam', '(555) 234-1111');
      await page.locator(`${W} form.callback button[type="submit"]`).click();
      await page.locator(`${W} .callback.sent`).waitFor();
      found.push(...(await axe(page, `${colorScheme} sent`)));
    }
    expect(found).toEqual([]);
  });
});

/** Fills the open callback form's required fields and call consent, then waits as long as a person would take. */
async function fillCallbackForm(page: Page, firstName: string, phone: string): Promise<void> {
  await page.locator(`${W} #ac-first-name`).fill(firstName);
  await page.locator(`${W} #ac-phone`).fill(phone);
  await page.locator(`${W} .consent input`).first().check();
  await page.waitForTimeout(MIN_FILL_MS);
}

/** Waits for the widget's animations (the panel's fade-in) to end. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.querySelector('[data-admissions-chat]')!.shadowRoot!.getAnimations().map((a) => a.finished)));
}

type Box = Record<string, string | number>;

/** Computed typography and geometry of widget parts, to compare across host pages. */
async function snapshot(page: Page, selectors: string[]): Promise<Record<string, Box>> {
  return page.evaluate((sels) => {
    const root = document.querySelector('[data-admissions-chat]')!.shadowRoot!;
    // The log scrolls to the latest question when it renders; measure from a fixed scroll position.
    const log = root.querySelector('.log');
    if (log) log.scrollTop = 0;
    const out: Record<string, Record<string, string | number>> = {};
    for (const sel of sels) {
      const el = root.querySelector(sel);
      if (!el) {
        out[sel] = { missing: 1 };
        continue;
      }
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      out[sel] = {
        x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height),
        font: `${s.fontStyle} ${s.fontWeight} ${s.fontSize}/${s.lineHeight} ${s.fontFamily}`,
        color: s.color, background: s.backgroundColor, letterSpacing: s.letterSpacing, wordSpacing: s.wordSpacing,
        textAlign: s.textAlign, textTransform: s.textTransform, direction: s.direction, textShadow: s.textShadow,
        opacity: s.opacity, transform: s.transform, filter: s.filter, boxSizing: s.boxSizing, cursor: s.cursor,
      };
    }
    return out;
  }, selectors);
}
