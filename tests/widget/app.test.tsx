/**
 * The panel in happy-dom: open, answer, fallback, crisis, the callback form
 * and its errors, sent. The knowledge base is the real built one from dist/,
 * served by a fetch stub; the receiver is a stub that records what it got.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '../../src/widget/app.js';
import type { App } from '../../src/widget/loader.js';

const manifest = readFileSync('dist/admissions-chat.kb.json', 'utf8');
const payloadFile = (JSON.parse(manifest) as { file: string }).file;
const payload = readFileSync(`dist/${payloadFile}`, 'utf8');

let posted: unknown[];
let app: App;
let root: ShadowRoot;
let host: HTMLElement;

function stubFetch(receiver: (body: unknown) => Response) {
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const path = new URL(url).pathname;
    if (path.endsWith('admissions-chat.kb.json')) return new Response(manifest);
    if (path.endsWith(payloadFile)) return new Response(payload);
    if (path === '/api/callbacks') {
      const body = JSON.parse(String(init?.body));
      posted.push(body);
      return receiver(body);
    }
    return new Response('not found', { status: 404 });
  });
}

const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const $$ = (selector: string) => [...root.querySelectorAll(selector)];
const tick = () => new Promise((r) => setTimeout(r, 20));
async function until<T>(fn: () => T | null | undefined | false, tries = 100): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = fn();
    if (v) return v;
    await tick();
  }
  throw new Error('timed out');
}

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Opens the callback form, fills every field with consent, and sends it. */
async function submitCompleteForm() {
  app.open();
  (await until(() => $<HTMLButtonElement>('.reach button'))).click();
  type(await until(() => $<HTMLInputElement>('#ac-first-name')), 'Ana');
  type($<HTMLInputElement>('#ac-phone')!, '(555) 234-5678');
  const consent = $<HTMLInputElement>('.consent input')!;
  consent.checked = true;
  consent.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
  $<HTMLFormElement>('form.callback')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

beforeEach(() => {
  posted = [];
  stubFetch(() => Response.json({ id: 7, status: 'new' }, { status: 201 }));
  host = document.createElement('div');
  document.body.append(host);
  root = host.attachShadow({ mode: 'open' });
  const launcher = document.createElement('button');
  root.append(launcher);
  app = mount({
    root,
    host,
    launcher,
    config: {
      center: 'Sunrise Recovery',
      phone: '(555) 010-0100',
      callbackUrl: 'http://localhost/api/callbacks',
      color: '#0f5f6b',
      position: 'right',
      greeting: 'Hi there.',
      base: 'http://localhost/',
    },
  });
});

afterEach(() => {
  app.close();
  host.remove();
  vi.unstubAllGlobals();
});

describe('widget panel', () => {
  it('is closed until opened, then shows a labelled dialog with the call link and disclosure', async () => {
    expect($('.panel')).toBeNull();
    app.open();
    const panel = await until(() => $('.panel'));
    expect(panel.getAttribute('role')).toBe('dialog');
    expect($('#ac-title')?.textContent).toBe('Sunrise Recovery');
    expect($<HTMLAnchorElement>('.header-call')?.getAttribute('href')).toBe('tel:+15550100100');
    expect($('.notice')?.textContent).toMatch(/automated assistant.*not monitored.*988.*911/s);
    expect($('[role="log"]')?.getAttribute('aria-live')).toBe('polite');
  });

  it('answers a question from the knowledge base with related questions', async () => {
    app.ask('what is iop');
    const answer = await until(() => $('[data-entry="what-is-iop"]'));
    expect(answer.textContent).toMatch(/intensive outpatient program/i);
    expect($$('[data-entry="what-is-iop"] .chip').length).toBeGreaterThanOrEqual(2);
    expect($('.visitor')?.textContent).toBe('what is iop');
  });

  it('says it is not sure, and offers call and callback, for a question it cannot answer', async () => {
    app.ask('what is the weather in boston');
    const fallback = await until(() => $('[data-kind="fallback"]'));
    expect(fallback.textContent).toMatch(/not sure/);
    expect(fallback.querySelector('a[href="tel:+15550100100"]')).not.toBeNull();
    expect(fallback.querySelector('button')?.textContent).toBe('Request a callback');
  });

  it('shows a crisis card with the numbers first, and keeps them pinned', async () => {
    app.ask('I want to end my life');
    const card = await until(() => $('.crisis'));
    expect(card.getAttribute('role')).toBe('alert');
    expect([...card.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['tel:988', 'sms:988', 'tel:911']);
    expect(card.textContent).not.toMatch(/callback/i);
    app.ask('how long is iop');
    await until(() => $('[data-entry="how-long-is-iop"]'));
    expect($('.crisis-strip')?.textContent).toMatch(/988/);
  });

  it('refuses to send a callback request without consent, keeping what was typed', async () => {
    app.open();
    (await until(() => $<HTMLButtonElement>('.reach button'))).click();
    const name = await until(() => $<HTMLInputElement>('#ac-first-name'));
    type(name, 'Ana');
    type($<HTMLInputElement>('#ac-phone')!, '555 234 5678');
    await tick();
    $<HTMLFormElement>('form.callback')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const error = await until(() => $('.field-error'));
    expect(error.textContent).toMatch(/Consent/);
    expect(posted).toEqual([]);
    expect($<HTMLInputElement>('#ac-first-name')!.value).toBe('Ana');
  });

  it('sends a complete request with the consent text and shows the reference number', async () => {
    await submitCompleteForm();
    const sent = await until(() => $('.sent'));
    expect(sent.textContent).toMatch(/reference number is 7/);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      firstName: 'Ana',
      phone: '+15552345678',
      bestTime: 'now',
      forWhom: 'self',
      consent: { calls: true, texts: false, text: expect.stringContaining('Sunrise Recovery may call me') },
    });
  });

  it('keeps the form and says so plainly when the receiver is unreachable', async () => {
    vi.unstubAllGlobals();
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await submitCompleteForm();
    const error = await until(() => $('.form-error'));
    expect(error.textContent).toMatch(/could not reach/);
    expect(error.querySelector('a[href="tel:+15550100100"]')).not.toBeNull();
    expect($<HTMLInputElement>('#ac-first-name')!.value).toBe('Ana');
  });
});
