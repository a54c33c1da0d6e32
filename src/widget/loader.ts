/**
 * The script a site owner pastes: paints the launcher at once and loads
 * everything else (Preact, lunr, the engine, the index) only when the
 * visitor shows intent. Kept tiny on purpose: it runs on every page view of
 * someone else's site. Never throws into the host page.
 */
import { readConfig, type WidgetConfig } from './config.js';
import type { DeliverOptions } from './delivery.js';
import { hasSaved } from './outbox.js';
import { createEvents, type Emit } from './events.js';
import { whenIdle, yieldToPage } from './idle.js';
import { payloadOf, type Once } from './payload.js';
import { readSession } from './storage.js';
import { fill, LAUNCHER_STRINGS } from './strings.js';
import css from './styles/launcher.css?inline';
import { textOn } from './theme.js';

declare const __APP_FILE__: string;

/** What the lazily loaded app exposes to the loader. */
export interface App {
  open(): void;
  close(): void;
  toggle(): void;
  ask(text: string): void;
  /** Removes everything the app added: nodes, listeners, timers, page locks. */
  destroy(): void;
}

/** What the loader hands the app. */
export interface MountOptions {
  root: ShadowRoot;
  host: HTMLElement;
  launcher: HTMLButtonElement;
  config: WidgetConfig;
  emit: Emit;
  /** The knowledge payload, fetched once (the loader starts it with the app chunk). */
  payload: Once<unknown>;
  /** Callback delivery timing; tests shorten it. */
  delivery?: DeliverOptions;
}

type AppModule = { mount(options: MountOptions): App };
type Call = [method: string, args: ArrayLike<unknown>];
type Api = Record<string, (...args: never[]) => void> & { q?: Call[] };

// A brand survives a second copy of this script on the page.
const BRAND = Symbol.for('admissions-chat');
type Win = Record<symbol, unknown> & { AdmissionsChat?: Api; AdmissionsChatConfig?: unknown };

function start(script: HTMLScriptElement | null): void {
  const w = window as unknown as Win;
  if (w[BRAND]) return;
  w[BRAND] = true;
  const config = readConfig(script, location.href, w.AdmissionsChatConfig);
  const events = createEvents();

  const host = document.createElement('div');
  host.setAttribute('data-admissions-chat', '');
  host.setAttribute('data-position', config.position);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  // Theme values are set inside the shadow root with !important, where no page rule can outrank them.
  sheet.replaceSync(
    `${css}:host{--ac-accent:${config.color}!important;--ac-on-accent:${textOn(config.color)}!important;z-index:${config.zIndex}!important}`,
  );
  root.adoptedStyleSheets = [sheet];

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-label', fill(config.strings.launcherLabel ?? LAUNCHER_STRINGS.launcherLabel, { center: config.center }));
  const label = document.createElement('span');
  label.textContent = config.strings.launcher ?? LAUNCHER_STRINGS.launcher;
  launcher.append(label);
  root.append(launcher);

  let app: Promise<App> | null = null;
  let destroyed = false;
  const payload = payloadOf(config.base);
  const load = (): Promise<App> =>
    (app ??= import(/* @vite-ignore */ new URL(__APP_FILE__, config.base).href)
      .then((m: AppModule) => m.mount({ root, host, launcher, config, emit: events.emit, payload }))
      // What the visitor asked for (an open, a question) gets a task of its own:
      // evaluating the app, mounting it and drawing the panel in one would be a
      // long task on a slow phone.
      .then(async (a) => (await yieldToPage(), a))
    ).catch((error: unknown) => {
      app = null; // try again on the next intent
      console.error('admissions-chat: could not load the chat', error);
      throw error;
    });
  /** Loads the app and calls `fn` with it; on a visitor's intent the knowledge base downloads meanwhile. */
  const run = (fn: (a: App) => void, intent = true) => {
    if (destroyed) return;
    void load().then((a) => destroyed || fn(a), () => undefined);
    // In a task of its own: the page's first fetch, added to the pointer's
    // events and the app's download, made that task a long one on a slow
    // phone. A failure waits for the first question.
    if (intent) void yieldToPage().then(() => payload().catch(() => undefined));
  };

  const warm = () => run(() => undefined);
  for (const type of ['pointerenter', 'focus', 'touchstart']) launcher.addEventListener(type, warm, { once: true, passive: true });
  launcher.addEventListener('click', () => run((a) => a.open()));

  const attach = () => document.body.append(host);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Storage waits until the launcher has painted and the page is idle: the
  // first read of each Web Storage area costs milliseconds on a slow phone,
  // and on most page views both are empty.
  const resume = () => {
    if (destroyed) return;
    const session = readSession();
    // A conversation left open on the previous page reopens here; otherwise only
    // a site that asked for it opens the panel on its own.
    if (session?.open) run((a) => a.open());
    // A callback request that could not be delivered on an earlier page is sent now (the app does it on mount).
    else if (hasSaved()) run(() => undefined, false);
    else if (!session && config.autoOpen) timer = setTimeout(() => run((a) => a.open()), config.autoOpen * 1000);
  };
  const cancelResume = whenIdle(resume);

  const api: Api = {
    open: () => run((a) => a.open()),
    close: () => run((a) => a.close()),
    toggle: () => run((a) => a.toggle()),
    ask: (text: unknown) => run((a) => a.ask(String(text))),
    on: (name: unknown, handler: unknown) => events.on(String(name), handler),
    off: (name: unknown, handler: unknown) => events.off(String(name), handler),
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(timer);
      cancelResume();
      document.removeEventListener('DOMContentLoaded', attach);
      void app?.then((a) => a.destroy(), () => undefined).finally(() => host.remove());
      host.remove();
      events.clear();
      if (w.AdmissionsChat === api) delete w.AdmissionsChat;
      delete w[BRAND];
    },
  };
  // Calls queued by the README's stub snippet before this script ran, replayed in order.
  const queued = Array.isArray(w.AdmissionsChat?.q) ? w.AdmissionsChat.q : [];
  w.AdmissionsChat = api;

  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach, { once: true });

  for (const [method, args] of queued) {
    if (typeof api[method] === 'function') (api[method] as (...a: unknown[]) => void)(...Array.from(args));
  }
}

// currentScript exists only while this script runs; check it is a real
// <script> (a page element with id="currentScript" could clobber it).
const current = document.currentScript;
try {
  start(current instanceof HTMLScriptElement ? current : document.querySelector<HTMLScriptElement>('script[src*="admissions-chat.js"]'));
} catch (error) {
  console.error('admissions-chat: could not start', error);
}
