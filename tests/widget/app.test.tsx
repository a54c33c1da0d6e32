/**
 * The panel in happy-dom: open, answer, fallback, crisis, the callback form
 * and its errors, sent. The knowledge base is the real built one from dist/,
 * served by a fetch stub; the receiver is a stub that records what it got.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '../../src/widget/app.js';
import type { App } from '../../src/widget/loader.js';
import { readConfig } from '../../src/widget/config.js';
import { payloadOf } from '../../src/widget/payload.js';
import type { Knowledge } from '../../src/engine/index.js';

// The engine as it is, with each step of warmUp logged: 'rules' without the
// knowledge base, 'index' with it.
const warmSteps = vi.hoisted(() => [] as string[]);
vi.mock('../../src/engine/index.js', async (original) => {
  const engine = await original<typeof import('../../src/engine/index.js')>();
  return {
    ...engine,
    *warmUp(knowledge?: Knowledge) {
      for (const _ of engine.warmUp(knowledge)) {
        warmSteps.push(knowledge ? 'index' : 'rules');
        yield;
      }
    },
  };
});

let posted: unknown[];
let app: App;
let root: ShadowRoot;
let host: HTMLElement;
let launcher: HTMLButtonElement;
let events: [string, unknown][];

function stubFetch(receiver: (body: unknown) => Response) {
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const path = new URL(url).pathname;
    const built = /\/(admissions-chat\.(?:kb|answers)(?:\.\w+)?\.json)$/.exec(path);
    if (built && existsSync(`dist/${built[1]}`)) return new Response(readFileSync(`dist/${built[1]}`, 'utf8'));
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

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Opens the callback form, fills the required fields with consent, and sends it as a person would: after a few seconds. */
async function submitCompleteForm(fill: () => void = () => undefined) {
  app.open();
  (await until(() => $<HTMLButtonElement>('.reach button:last-child'))).click();
  type(await until(() => $<HTMLInputElement>('#ac-first-name')), 'Ana');
  type($<HTMLInputElement>('#ac-phone')!, '(555) 234-5678');
  check($<HTMLInputElement>('.consent input')!);
  fill();
  await tick();
  later(4000);
  submit();
}

function check(input: HTMLInputElement, on = true) {
  input.checked = on;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function submit() {
  $<HTMLFormElement>('form.callback')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

/** Moves the clock the form reads forward, as if the visitor took that long. */
function later(ms: number) {
  const now = Date.now();
  vi.spyOn(Date, 'now').mockReturnValue(now + ms);
}

beforeEach(() => {
  posted = [];
  stubFetch(() => Response.json({ id: 7, status: 'new' }, { status: 201 }));
  host = document.createElement('div');
  document.body.append(host);
  root = host.attachShadow({ mode: 'open' });
  launcher = document.createElement('button');
  root.append(launcher);
  remount();
});

/** (Re)mounts the app on the same shadow root, as a new page of the site would. */
function remount(options: Record<string, unknown> = {}, page = 'http://localhost/') {
  app?.destroy();
  events = [];
  const config = readConfig(null, page, { center: 'Sunrise Recovery', phone: '(555) 010-0100', greeting: 'Hi there.', ...options });
  app = mount({
    root,
    host,
    launcher,
    config,
    payload: payloadOf(config.base),
    emit: (name, detail) => events.push([name, detail]),
    delivery: { attempts: 3, baseMs: 1, sleep: async () => undefined },
  });
}

afterEach(() => {
  app.destroy();
  host.remove();
  sessionStorage.clear();
  localStorage.clear();
  vi.restoreAllMocks();
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

  it('asks the site\'s questions in order, the first in a task after the one that opens the panel', async () => {
    app.ask('what is iop');
    app.ask('I want to end my life');
    // The panel is drawn at once; the question waits for the next task.
    expect($('.panel')).not.toBeNull();
    expect($$('.visitor')).toHaveLength(0);
    await until(() => $('[data-entry="what-is-iop"]') && $('.crisis'));
    expect($$('.visitor').map((v) => v.textContent)).toEqual(['what is iop', 'I want to end my life']);
  });

  /** Every screen the visitor could see while `fn` runs: how many questions, replies and typing dots. */
  async function screens(fn: () => Promise<unknown>) {
    const replies = () => $$('[data-entry], [data-kind], .crisis').length;
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(`asked ${$$('.visitor').length}, replied ${replies()}, typing ${$$('.typing').length}`));
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    await fn();
    observer.disconnect();
    return [...new Set(seen)];
  }

  it('puts a question and its reply on screen together once the engine has answered once: a crisis at once, an answer once loaded', async () => {
    app.ask('what is iop');
    await until(() => $('[data-entry="what-is-iop"]'));
    const seen = await screens(async () => {
      app.ask('What is IOP?');
      await until(() => $$('[data-entry="what-is-iop"]').length === 2);
      app.ask('I want to end my life');
      await until(() => $('.crisis'));
    });
    // Never a question waiting on the typing dots, nor on its reply.
    expect(seen).toEqual(['asked 2, replied 2, typing 0', 'asked 3, replied 3, typing 0']);
  });

  it('puts a question on screen a frame before its reply until one has gone all the way through the engine, a crisis too', async () => {
    // No idle moment: only the visitor's questions warm the engine up.
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    remount();
    app.open();
    await tick();
    const seen = await screens(async () => {
      app.ask('I want to end my life');
      await until(() => $('.crisis'));
      for (let i = 0; i < 5; i++) await tick(); // the knowledge base loads
      app.ask('what is the weather in boston'); // a fallback: nothing more to fetch
      await until(() => $('[data-kind="fallback"]'));
      app.ask('I want to kill myself');
      await until(() => $$('.crisis').length === 2);
    });
    // The question first, with the typing dots, then its reply; together once the engine has answered.
    expect(seen).toEqual([
      'asked 1, replied 0, typing 1',
      'asked 1, replied 1, typing 0',
      'asked 2, replied 1, typing 1',
      'asked 2, replied 2, typing 0',
      'asked 3, replied 3, typing 0',
    ]);
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
    (await until(() => $<HTMLButtonElement>('.reach button:last-child'))).click();
    const name = await until(() => $<HTMLInputElement>('#ac-first-name'));
    type(name, 'Ana');
    type($<HTMLInputElement>('#ac-phone')!, '555 234 5678');
    await tick();
    $<HTMLFormElement>('form.callback')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const error = await until(() => $('.field-error'));
    expect(error.textContent).toMatch(/Consent/);
    await until(() => root.activeElement === $('.consent input')); // focus lands on the field to fix
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
      voicemail: false,
      consent: { calls: true, texts: false, text: expect.stringContaining('Sunrise Recovery may call me') },
      center: 'Sunrise Recovery',
    });
    expect(posted[0]).not.toHaveProperty('insurance');
  });

  it('keeps an undeliverable request on this device, says so, and sends it on the next page load', async () => {
    vi.unstubAllGlobals();
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await submitCompleteForm();
    const saved = await until(() => $('.callback.saved'));
    expect(saved.textContent).toMatch(/saved on this device/);
    expect(saved.querySelector('a[href="tel:+15550100100"]')).not.toBeNull();
    expect(posted).toHaveLength(3); // three attempts, one request
    expect(new Set(posted.map((p) => (p as { requestId: string }).requestId)).size).toBe(1);
    expect(localStorage.getItem('admissions-chat:outbox:v1')).toContain('+15552345678');

    vi.unstubAllGlobals();
    stubFetch(() => Response.json({ id: 41, status: 'new' }, { status: 201 }));
    remount(); // the next page of the site
    app.open();
    const info = await until(() => $$('.msg.bot').find((m) => /reached our admissions team/.test(m.textContent ?? '')));
    expect(info.textContent).toMatch(/reference number is 41/);
    expect(localStorage.getItem('admissions-chat:outbox:v1')).toBeNull();
    expect(events).toContainEqual(['callback_submitted', { reference: 41 }]);
  });

  it('shows a rejection by the receiver next to the field and keeps every value', async () => {
    vi.unstubAllGlobals();
    stubFetch(() => Response.json({ error: 'Some fields need attention.', details: { phone: 'That number cannot take calls.' } }, { status: 422 }));
    await submitCompleteForm();
    const error = await until(() => $('.field-error'));
    expect(error.textContent).toBe('That number cannot take calls.');
    expect($('#ac-phone')?.getAttribute('aria-invalid')).toBe('true');
    expect($('.form-error')?.textContent).toMatch(/Some fields need attention\. Your details are still here/);
    expect($<HTMLInputElement>('#ac-first-name')!.value).toBe('Ana');
    expect(posted).toHaveLength(1);
    expect(localStorage.getItem('admissions-chat:outbox:v1')).toBeNull();
  });

  it('asks a too-quick sender to look again, and sends on the second press', async () => {
    app.open();
    (await until(() => $<HTMLButtonElement>('.reach button:last-child'))).click();
    type(await until(() => $<HTMLInputElement>('#ac-first-name')), 'Bo');
    type($<HTMLInputElement>('#ac-phone')!, '555 234 5678');
    check($<HTMLInputElement>('.consent input')!);
    await tick();
    submit();
    expect((await until(() => $('.form-error'))).textContent).toMatch(/check your details/);
    expect(posted).toEqual([]);
    submit();
    await until(() => $('.sent'));
    expect(posted).toHaveLength(1);
  });

  it('sends nothing when the hidden field people never see has been filled', async () => {
    await submitCompleteForm(() => type($<HTMLInputElement>('.trap input')!, 'http://spam.example'));
    expect((await until(() => $('.form-error'))).textContent).toMatch(/filled in automatically/);
    expect(posted).toEqual([]);
  });

  it('shows 988/911 first when the note reads as a crisis, then sends on the next press', async () => {
    await submitCompleteForm(() => type($<HTMLTextAreaElement>('#ac-note')!, 'i just want to die honestly'));
    const alert = await until(() => $('.crisis-note'));
    expect([...alert.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toContain('tel:988');
    expect($('.crisis-strip')?.textContent).toMatch(/988/);
    expect(posted).toEqual([]);
    expect(events.map(([n]) => n)).toContain('crisis_shown');
    submit();
    await until(() => $('.sent'));
    expect(posted[0]).toMatchObject({ note: 'i just want to die honestly' });
  });

  it('sends the optional fields and both consents, with the exact sentences shown', async () => {
    let shown = '';
    await submitCompleteForm(() => {
      const select = (sel: string, value: string) => {
        const el = $<HTMLSelectElement>(sel)!;
        el.value = value;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      };
      select('#ac-best-time', 'evening');
      select('#ac-insurance', 'medicaid');
      select('#ac-state', 'OH');
      select('#ac-language', 'spanish');
      check($<HTMLInputElement>('.field .choice input[type="checkbox"]')!); // voicemail
      check($$('.consent input')[1] as HTMLInputElement); // texts
      type($<HTMLTextAreaElement>('#ac-note')!, 'Ask for Ana, not my mom');
      shown = $$('.consent').map((c) => c.textContent!.trim()).join(' ');
    });
    await until(() => $('.sent'));
    expect(posted[0]).toMatchObject({
      bestTime: 'evening', insurance: 'medicaid', state: 'OH', language: 'spanish', voicemail: true, note: 'Ask for Ana, not my mom',
      consent: { calls: true, texts: true, text: shown },
    });
  });

  it('keeps what was typed in the form while the visitor goes back to the chat', async () => {
    app.open();
    (await until(() => $<HTMLButtonElement>('.reach button:last-child'))).click();
    type(await until(() => $<HTMLInputElement>('#ac-first-name')), 'Cam');
    $$('.form-actions button')[1].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await until(() => $('#ac-question'));
    (await until(() => $<HTMLButtonElement>('.reach button:last-child'))).click();
    expect((await until(() => $<HTMLInputElement>('#ac-first-name'))).value).toBe('Cam');
  });

  it('greets with suggested questions on first open, and a tap asks one', async () => {
    app.open();
    const chips = await until(() => $$('[aria-label="Suggested questions"] .chip'));
    expect(chips.map((c) => c.textContent)).toHaveLength(4);
    (chips[0] as HTMLButtonElement).click();
    await until(() => $('[data-entry="what-is-iop"]'));
    expect($('[aria-label="Suggested questions"]')).toBeNull();
  });

  it('tells the site what happened through events, without the visitor\'s words unless asked', async () => {
    app.ask('what is iop');
    await until(() => $('[data-entry]'));
    app.ask('i want to kill myself');
    await until(() => $('.crisis'));
    $<HTMLAnchorElement>('.header-call')!.click();
    $<HTMLButtonElement>('.reach button')!.click();
    app.close();
    expect(events.map(([name]) => name)).toEqual(['open', 'question', 'question', 'crisis_shown', 'call_click', 'callback_open', 'close']);
    expect(events[1][1]).toEqual({ kind: 'answer', id: 'what-is-iop' });
    expect(JSON.stringify(events)).not.toMatch(/kill|myself|what is iop/);

    remount({ eventText: true });
    app.ask('what is iop');
    await until(() => events.some(([n]) => n === 'question'));
    expect(events.find(([n]) => n === 'question')![1]).toEqual({ kind: 'answer', id: 'what-is-iop', text: 'what is iop' });
  });

  it('reports a sent callback request with its reference number', async () => {
    await submitCompleteForm();
    await until(() => $('.sent'));
    expect(events.filter(([n]) => n.startsWith('callback'))).toEqual([['callback_open', {}], ['callback_submitted', { reference: 7 }]]);
  });

  it('compiles the engine while the visitor reads, a step per idle moment: the rules from the start, the whole engine once the knowledge base is here', async () => {
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(() => (warmSteps.push('idle'), fn()), 1));
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
    remount();
    warmSteps.length = 0;
    app.ask('what is iop');
    await until(() => $('[data-entry="what-is-iop"]'));
    await until(() => warmSteps.filter((s) => s === 'index').length === 10);
    for (let i = 0; i < 5; i++) await tick();
    expect(warmSteps.filter((s) => s !== 'idle')).toEqual([...Array<string>(4).fill('rules'), ...Array<string>(10).fill('index')]);
    // Never two steps in one idle callback.
    expect(warmSteps.join(' ')).not.toMatch(/(rules|index) (rules|index)/);
  });

  it('warms the whole engine up once the knowledge base is here, before any question, and then answers at once', async () => {
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(fn, 1));
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
    warmSteps.length = 0;
    remount();
    await until(() => warmSteps.length === 4); // the rules, before the panel is even opened
    app.open();
    await until(() => warmSteps.filter((s) => s === 'index').length === 10);
    for (let i = 0; i < 3; i++) await tick();
    const seen = await screens(async () => {
      app.ask('what is the weather in boston');
      await until(() => $('[data-kind="fallback"]'));
    });
    expect(seen).toEqual(['asked 1, replied 1, typing 0']);
  });

  it('saves the conversation when the page goes away, even before the page was idle', async () => {
    vi.stubGlobal('requestIdleCallback', () => 1); // a page that never goes idle
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    app.ask('what is iop');
    await until(() => $('[data-entry="what-is-iop"]'));
    expect(sessionStorage.getItem('admissions-chat:session:v1')).toBeNull();
    window.dispatchEvent(new Event('pagehide'));
    const saved = JSON.parse(sessionStorage.getItem('admissions-chat:session:v1') ?? 'null') as { open: boolean; messages: { from: string }[] } | null;
    expect(saved?.open).toBe(true);
    expect(saved?.messages.map((m) => m.from)).toEqual(['visitor', 'bot']);
  });

  it('keeps the conversation on the next page of the site, and forgets it on "clear conversation"', async () => {
    app.ask('what is iop');
    await until(() => $('[data-entry="what-is-iop"]'));
    remount();
    expect($('.panel')).toBeNull(); // the loader reopens it; the app starts closed
    app.open();
    expect((await until(() => $('[data-entry="what-is-iop"]'))).textContent).toMatch(/intensive outpatient/i);
    expect($('.visitor')?.textContent).toBe('what is iop');
    $<HTMLButtonElement>('.clear')!.click();
    await tick();
    expect($$('.visitor')).toHaveLength(0);
    remount();
    app.open();
    await tick();
    expect($$('.visitor')).toHaveLength(0);
  });

  it('keeps the crisis numbers pinned after the conversation is cleared', async () => {
    app.ask('im going to overdose tonight');
    await until(() => $('.crisis'));
    $<HTMLButtonElement>('.clear')!.click();
    await tick();
    expect($('.crisis')).toBeNull();
    expect($('.crisis-strip')?.textContent).toMatch(/988/);
  });

  it('says honestly when the admissions line is closed, and puts the callback first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T03:00:00Z')); // Monday 22:00 in New York
    remount({ hours: 'Mon-Fri 08:00-20:00' });
    app.open();
    const line = await until(() => $('.hours'));
    expect(line.textContent).toBe('Our admissions line is closed right now. It opens tomorrow at 8:00 AM EST. Request a callback and someone will call you then.');
    expect($('.reach .button')?.textContent).toBe('Request a callback');
    expect($('.reach .button')?.classList.contains('primary')).toBe(true);
    vi.setSystemTime(new Date('2026-11-24T15:00:00Z')); // Tuesday 10:00
    remount({ hours: 'Mon-Fri 08:00-20:00' });
    app.open();
    expect((await until(() => $('.hours'))).textContent).toBe('Our admissions line is open now.');
    expect($('.reach .button')?.textContent).toBe('Call (555) 010-0100');
    vi.useRealTimers();
  });

  it('lays an opening panel out hidden and inert, then shows it in a later task with focus in the question box', async () => {
    app.open();
    const container = $('.container')!;
    expect($('.panel')).not.toBeNull();
    expect(container.hasAttribute('inert')).toBe(true);
    expect(root.activeElement).not.toBe($('#ac-question'));
    await until(() => !container.hasAttribute('inert'));
    expect(root.activeElement).toBe($('#ac-question'));
  });

  it('closes on Escape and gives focus back to the launcher', async () => {
    app.open();
    const panel = await until(() => $('.panel'));
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await tick();
    expect($('.panel')).toBeNull();
    expect(root.activeElement).toBe(launcher);
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
  });

  it('says plainly that answers cannot load, keeps the question, and offers a person', async () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 503 }));
    remount({}, 'http://localhost/down/');
    app.ask('how long is the program');
    const notice = await until(() => $('.notice-msg'));
    expect(notice.textContent).toMatch(/cannot load answers right now/);
    expect(notice.querySelector('a[href="tel:+15550100100"]')).not.toBeNull();
    expect($('.visitor')?.textContent).toBe('how long is the program');
  });

  it('uses the site\'s own wording', async () => {
    remount({ strings: { send: 'Enviar', requestCallback: 'Pedir una llamada' } });
    app.open();
    expect((await until(() => $('.send')))?.textContent).toBe('Enviar');
    expect($('.reach button')?.textContent).toBe('Pedir una llamada');
  });

  it('uses the site\'s own wording in the callback form too, and sends the consent as shown', async () => {
    remount({ strings: { firstName: 'Nombre', consentCalls: 'Llámenme al {phone}, {center}.' } });
    await submitCompleteForm();
    expect($('label[for="ac-first-name"]')?.textContent).toBe('Nombre');
    expect($('.consent')?.textContent).toContain('Llámenme al (555) 010-0100, Sunrise Recovery.');
    await until(() => posted.length);
    expect(posted[0]).toMatchObject({ consent: { calls: true, text: 'Llámenme al (555) 010-0100, Sunrise Recovery.' } });
  });

  it('drops a question still waiting for its turn when it is destroyed', async () => {
    app.ask('I want to end my life');
    app.destroy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events.map(([name]) => name)).toEqual(['open']);
  });

  it('removes everything it added on destroy', async () => {
    app.open();
    await until(() => $('.panel'));
    const before = root.adoptedStyleSheets.length;
    app.destroy();
    expect($('.container')).toBeNull();
    expect(root.adoptedStyleSheets.length).toBe(before - 1);
    expect(document.documentElement.style.overflow).toBe('');
  });
});

