/** lunr alone, for the bench to bundle as the widget once bundled it (engine-browser.ts). */
export { default } from 'lunr';
