/**
 * Two builds, one config (`vite build --mode app`, then `--mode loader`):
 *
 * - app: the Preact UI and the engine as one content-hashed ES module,
 *   loaded only when a visitor shows intent (hover, focus, open, API call),
 *   and the callback form as a second one, loaded when it is first wanted.
 * - loader: `admissions-chat.js`, the one classic script a site owner pastes.
 *   It paints the launcher at once and knows the app's hashed file name,
 *   which this config reads from the app build's output.
 *
 * Tests run in three environments (vitest projects): node for engine, kb,
 * shared and server; happy-dom for widget components; node + real Chromium
 * for the end-to-end tests in tests/e2e.
 */
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { crisisRules } from './src/engine/crisis.js';
import { personRules } from './src/engine/intent.js';

const APP_FILE = /^admissions-chat\.app\.[\w-]+\.js$/;

/**
 * Chrome's explicit compile hint, the first line of every script: their
 * functions are compiled on the thread that streams the file, not one by one
 * on the main thread as each is first called. V8 heeds it only there.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The engine's rule lists' needs (literals.ts), read here so that no visitor's browser has to. */
const ruleNeeds = () => ({ crisis: crisisRules().map((r) => r.need), person: personRules().map((r) => r.need) });

function appFile(): string {
  const file = readdirSync('dist').find((f) => APP_FILE.test(f));
  if (!file) throw new Error('dist has no admissions-chat.app.*.js: run `vite build --mode app` first');
  return file;
}

const jsx = { oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } } };

export default defineConfig(({ mode }) => {
  if (mode === 'app') {
    return {
      ...jsx,
      define: { __RULE_NEEDS__: JSON.stringify(ruleNeeds()) },
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        target: 'es2020',
        // Lib mode: an app build would wrap each import() in Vite's preload
        // helper (0.6 KB gzip in the app chunk, and it resolves chunk URLs
        // against the host page's origin and fires events on its window).
        // Lib mode leaves ES output unminified and keeps comments for
        // downstream bundlers, so the output options below minify and drop them.
        lib: { entry: 'src/widget/app.tsx', formats: ['es' as const] },
        rollupOptions: {
          // The app chunk may export more than `mount`: code the form chunk shares
          // with it stays in it, one request before the first answer, not two.
          preserveEntrySignatures: 'allow-extension' as const,
          output: {
            format: 'es' as const,
            minify: true,
            comments: false,
            // Nearly all of the chunk runs on the first open (`npm run bench`: cold answer).
            postBanner: COMPILE_HINT,
            entryFileNames: 'admissions-chat.app.[hash].js',
            // Chunks loaded later (the callback form) sit beside it, hashed the same way.
            chunkFileNames: 'admissions-chat.[name].[hash].js',
          },
        },
      },
    };
  }
  if (mode === 'loader') {
    return {
      ...jsx,
      define: { __APP_FILE__: JSON.stringify(appFile()) },
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2020',
        minify: true,
        lib: { entry: 'src/widget/loader.ts', formats: ['iife'], name: 'AdmissionsChatLoader', fileName: () => 'admissions-chat.js' },
        // Most of the loader runs as the page loads (`npm run bench`: launcher, long tasks on load).
        rollupOptions: { output: { postBanner: COMPILE_HINT } },
      },
    };
  }
  return {
    ...jsx,
    test: {
      projects: [
        { ...jsx, test: { name: 'node', environment: 'node', include: ['tests/{engine,kb,shared,server}/**/*.test.ts', 'tests/*.test.ts'] } },
        { ...jsx, test: { name: 'widget', environment: 'happy-dom', include: ['tests/widget/**/*.test.{ts,tsx}'] } },
        {
          ...jsx,
          test: { name: 'browser', environment: 'node', include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
        },
      ],
    },
  };
});
