/**
 * What the bench server serves: one plain host page in versions (bare, with
 * our widget, with the floor, with each peer), our dist files and the peers'
 * bundles.
 * Each widget script is served with one line added at its start,
 * `performance.mark('bench:script-start')`, so the launcher time starts when
 * the script starts to run (the same line starts the bench's look for the
 * launcher); sizes are always of the files on disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Question, Variant } from './chromium.js';
import type { Peer } from './peers.js';
import { typeOf, type Route } from './serve.js';

// Also starts the bench's look for the launcher (chromium.ts), from this moment on.
const SCRIPT_START = "performance.mark('bench:script-start');window.__benchPoll?.();\n";

/**
 * A script with the mark in: after its first line when that is a magic
 * comment (`//# allFunctionsCalledOnLoad`), which V8 heeds only there.
 */
const marked = (script: string) => {
  const first = script.startsWith('//#') ? script.indexOf('\n') + 1 : 0;
  return script.slice(0, first) + SCRIPT_START + script.slice(first);
};

/** A small article page, the same for every variant; `extra` goes at the end of the body. */
function hostPage(extra: string): string {
  const para =
    '<p>Sunrise Recovery runs an intensive outpatient program for adults: three-hour group sessions on weekday mornings or evenings, individual counseling each week, and family sessions.</p>';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sunrise Recovery</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #222 } h1 { font-size: 1.6rem }</style></head>
<body><h1>Intensive outpatient treatment</h1>${para.repeat(6)}
${extra}
</body>
</html>`;
}

/**
 * The floor: the least a launcher script can do. An async script that adds
 * one fixed button with inline styles, and nothing else: no config, no
 * shadow root, no stylesheet, no listeners, no storage.
 */
export const FLOOR_SCRIPT = `const b = document.createElement('button');
b.textContent = 'Chat with us';
b.style.cssText = 'position:fixed;bottom:20px;right:20px;min-height:52px;padding:0 18px;border:0;border-radius:26px;background:#0f5f6b;color:#fff;font:600 16px/1 system-ui,sans-serif';
document.body.append(b);
`;

/** Our launcher: the button in the loader's shadow root. */
const OUR_LAUNCHER = `() => document.querySelector('[data-admissions-chat]')?.shadowRoot?.querySelector('button')`;

/**
 * Routes and variants for one bench run.
 *
 * @param dist the built widget folder
 * @param peers peer widgets to serve
 * @param origin the bench server's origin (the peers' API host is its /stub)
 * @param questions a cold and a warm question for our widget
 */
export function pages(dist: string, peers: readonly Peer[], origin: string, questions: { cold: Question; warm: Question }) {
  const routes = new Map<string, Route>();
  for (const file of readdirSync(dist)) {
    const body = readFileSync(join(dist, file));
    routes.set(`/dist/${file}`, { body: file === 'admissions-chat.js' ? marked(body.toString()) : body, type: typeOf(file) });
  }
  routes.set('/bare.html', { body: hostPage(''), type: typeOf('x.html') });
  routes.set('/ours.html', {
    body: hostPage('<script src="/dist/admissions-chat.js" async data-center="Sunrise Recovery" data-phone="(555) 010-0100"></script>'),
    type: typeOf('x.html'),
  });
  const variants: Variant[] = [
    { name: 'bare page (baseline)', page: '/bare.html', launcher: null, scripts: [] },
    { name: 'admissions-chat', page: '/ours.html', launcher: OUR_LAUNCHER, scripts: ['/dist/'], ask: questions },
    { name: 'floor: an async script that only adds a button', page: '/floor.html', launcher: `() => document.querySelector('body > button')`, scripts: ['/floor.js'] },
  ];
  routes.set('/floor.js', { body: marked(FLOOR_SCRIPT), type: typeOf('floor.js') });
  routes.set('/floor.html', { body: hostPage('<script src="/floor.js" async></script>'), type: typeOf('x.html') });
  for (const peer of peers) {
    const src = `/peers/${peer.slug}/web.js`;
    routes.set(src, { body: marked(readFileSync(peer.file, 'utf8')), type: typeOf(src) });
    const page = `/${peer.slug}.html`;
    routes.set(page, { body: hostPage(`<script type="module">\n${peer.init(src, `${origin}/stub`)}\n</script>`), type: typeOf(page) });
    variants.push({ name: `${peer.name} ${peer.version}`, page, launcher: peer.launcher, scripts: [`/peers/${peer.slug}/`, page] });
  }
  return { routes, variants };
}

/** Which file on disk a served path is, for sizes. */
export function fileOf(path: string, dist: string, peers: readonly Peer[]): string | null {
  if (path.startsWith('/dist/')) return join(dist, path.slice('/dist/'.length));
  const peer = peers.find((p) => path === `/peers/${p.slug}/web.js`);
  return peer ? peer.file : null;
}
