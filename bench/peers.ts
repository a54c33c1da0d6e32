/**
 * Two published embeddable chat widgets, installed from npm as
 * devDependencies, measured the same way as ours: @typebot.io/js (bubble)
 * and flowise-embed (bubble). Each gets a bot id and an API host on the
 * bench server, whose stub answers every backend call with a 404, as a
 * backend without that bot would. Their launcher is the button inside
 * their custom element's shadow root.
 */
import { readFileSync } from 'node:fs';

export interface Peer {
  name: string;
  version: string;
  /** Served at /peers/<slug>/web.js. */
  slug: string;
  file: string;
  /** Module script that starts the widget, given its bundle URL and an API host. */
  init: (src: string, apiHost: string) => string;
  /** Source of a function returning the launcher element. */
  launcher: string;
}

const version = (pkg: string) => (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')) as { version: string }).version;

export const PEERS: Peer[] = [
  {
    name: '@typebot.io/js',
    version: version('@typebot.io/js'),
    slug: 'typebot',
    file: 'node_modules/@typebot.io/js/dist/web.js',
    init: (src, apiHost) => `import Typebot from '${src}';\nTypebot.initBubble({ typebot: 'bench-faq', apiHost: '${apiHost}' });`,
    launcher: `() => document.querySelector('typebot-bubble')?.shadowRoot?.querySelector('button')`,
  },
  {
    name: 'flowise-embed',
    version: version('flowise-embed'),
    slug: 'flowise',
    file: 'node_modules/flowise-embed/dist/web.js',
    init: (src, apiHost) => `import Chatbot from '${src}';\nChatbot.init({ chatflowid: 'bench-faq', apiHost: '${apiHost}' });`,
    launcher: `() => document.querySelector('flowise-chatbot')?.shadowRoot?.querySelector('button')`,
  },
];
