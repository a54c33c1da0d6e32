/**
 * The house rules for imports, checked rather than remembered: each room
 * under src/ imports only what its job allows, and other rooms only through
 * their index.ts (see DOORS).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOMS: Record<string, { rooms: string[]; packages: RegExp }> = {
  shared: { rooms: [], packages: /^$/ },
  engine: { rooms: [], packages: /^lunr$/ },
  kb: { rooms: ['engine', 'shared'], packages: /^(?:lunr|marked|node:.+)$/ },
  widget: { rooms: ['engine', 'shared'], packages: /^(?:preact|preact\/hooks|@preact\/signals)$/ },
  server: { rooms: ['shared'], packages: /^(?:better-sqlite3|nodemailer|node:.+)$/ },
};

/**
 * How a room is entered: its index.ts, or the engine's manifest.ts, which
 * names the payload so that the widget's loader can start the download
 * without carrying the engine.
 */
const DOORS = ['index.js', 'manifest.js'];

/** The built widget's scripts. */
const builtScripts = () => readdirSync('dist').filter((f) => f.endsWith('.js'));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

describe('imports between rooms', () => {
  for (const [room, allowed] of Object.entries(ROOMS)) {
    it(`src/${room} imports only ${[...allowed.rooms, allowed.packages.source].join(', ') || 'its own files'}`, () => {
      const wrong: string[] = [];
      for (const file of files(join('src', room))) {
        for (const spec of imports(file)) {
          const where = relative('.', file);
          if (spec.startsWith('.')) {
            const target = relative('src', join(file, '..', spec)).split('/');
            if (target[0] === room) continue;
            if (!allowed.rooms.includes(target[0])) wrong.push(`${where} imports ${spec}`);
            else if (!DOORS.includes(target.slice(1).join('/'))) wrong.push(`${where} reaches past ${target[0]}/index.ts: ${spec}`);
          } else if (!allowed.packages.test(spec) && !spec.endsWith('?inline')) {
            wrong.push(`${where} imports package ${spec}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('keeps Node and build-time code out of the widget bundle', () => {
    for (const name of builtScripts()) {
      const code = readFileSync(join('dist', name), 'utf8');
      // `node:` as a module specifier (lunr's own code uses `{node: ...}` object keys).
      const leaks = code.match(/["'`]node:[a-z/]+["'`]|better-sqlite3|new Marked|marked\.parse/g) ?? [];
      expect(leaks, name).toEqual([]);
    }
  });
});

describe('the built widget', () => {
  // vite.config.ts says why: Chrome then compiles each script's functions on
  // the thread that streams it, not one by one on the main thread at first
  // call. V8 heeds the hint only on the first line.
  it('marks every script, the loader too, for eager compilation on its first line', () => {
    const hinted = builtScripts().map((name) => [name, readFileSync(join('dist', name), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')] as const);
    expect(hinted.map(([name]) => name)).toContain('admissions-chat.js');
    expect(hinted.length).toBeGreaterThan(2);
    for (const [name, hint] of hinted) expect(hint, name).toBe(true);
  });

  it('ships the rules\' needs already read, and not the reader that reads them', () => {
    const app = readFileSync(join('dist', builtScripts().find((name) => name.startsWith('admissions-chat.app.'))!), 'utf8');
    expect(app).toContain('no rule needs built for'); // prefiltered, on its build-time path
    expect(app).not.toContain(String.raw`{(\d+)(?:,\d*)?\}`); // literals.ts reading a quantifier
  });

  it('carries the callback form\'s sentences in the form\'s chunk, not on the way to the first answer', () => {
    const js = builtScripts();
    const holding = js.filter((name) => readFileSync(join('dist', name), 'utf8').includes('Consent is not required to receive services'));
    expect(holding).toEqual(js.filter((name) => name.startsWith('admissions-chat.callback-form.')));
  });

  it('carries the sending code in a chunk of its own, not on the way to the first answer', () => {
    const js = builtScripts();
    // Retry-After is read only by delivery.ts, when a send is retried.
    const holding = js.filter((name) => readFileSync(join('dist', name), 'utf8').includes('retry-after'));
    expect(holding).toEqual(js.filter((name) => name.startsWith('admissions-chat.delivery.')));
    expect(holding).toHaveLength(1);
  });
});
