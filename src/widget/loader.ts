/**
 * The script a site owner pastes: paints the launcher at once and loads
 * everything else (Preact, lunr, the engine, the index) only when the
 * visitor shows intent. Kept tiny on purpose: it runs on every page view of
 * someone else's site. Never throws into the host page.
 */
import { readConfig, type WidgetConfig } from './config.js';
import css from './styles/launcher.css?inline';
import { textOn } from './theme.js';

declare const __APP_FILE__: string;

/** What the lazily loaded app exposes to the loader. */
export interface App {
  open(): void;
  close(): void;
  ask(text: string): void;
}

/** What the loader hands the app. */
export interface MountOptions {
  root: ShadowRoot;
  host: HTMLElement;
  launcher: HTMLButtonElement;
  config: WidgetConfig;
}

type AppModule = { mount(options: MountOptions): App };

// A brand survives a second copy of this script on the page.
const BRAND = Symbol.for('admissions-chat');
const ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 3C6.5 3 2 6.6 2 11c0 2.4 1.3 4.5 3.4 6L4.6 21l4.2-2.3c1 .3 2.1.4 3.2.4 5.5 0 10-3.6 10-8S17.5 3 12 3z"/></svg>';

function start(script: HTMLScriptElement | null): void {
  const w = window as unknown as Record<symbol, unknown> & { AdmissionsChat?: unknown };
  if (w[BRAND]) return;
  w[BRAND] = true;
  const config = readConfig(script, location.href);

  const host = document.createElement('div');
  host.setAttribute('data-admissions-chat', '');
  host.setAttribute('data-position', config.position);
  host.style.setProperty('--ac-accent', config.color);
  host.style.setProperty('--ac-on-accent', textOn(config.color));
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-label', `Questions? Chat with ${config.center}`);
  launcher.innerHTML = `${ICON}<span>Questions?</span>`;
  root.append(launcher);

  let app: Promise<App> | null = null;
  const load = (): Promise<App> =>
    (app ??= import(/* @vite-ignore */ new URL(__APP_FILE__, config.base).href).then((m: AppModule) =>
      m.mount({ root, host, launcher, config }),
    )).catch((error: unknown) => {
      app = null; // try again on the next intent
      console.error('admissions-chat: could not load the chat', error);
      throw error;
    });
  const run = (fn: (a: App) => void) => void load().then(fn, () => undefined);

  for (const type of ['pointerenter', 'focus', 'touchstart']) launcher.addEventListener(type, () => run(() => undefined), { once: true, passive: true });
  launcher.addEventListener('click', () => run((a) => a.open()));

  w.AdmissionsChat = {
    open: () => run((a) => a.open()),
    close: () => run((a) => a.close()),
    ask: (text: string) => run((a) => a.ask(String(text))),
  };

  const attach = () => document.body.append(host);
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach, { once: true });
}

// currentScript exists only while this script runs; check it is a real
// <script> (a page element with id="currentScript" could clobber it).
const current = document.currentScript;
try {
  start(current instanceof HTMLScriptElement ? current : document.querySelector<HTMLScriptElement>('script[src*="admissions-chat.js"]'));
} catch (error) {
  console.error('admissions-chat: could not start', error);
}
