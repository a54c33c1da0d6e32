/**
 * What a regular expression cannot match without: a few literal strings, one
 * of which is in every match, read from its source (the idea behind the
 * prefilters of RE2 and Google Code Search). A text holding none of them
 * cannot match, so the expression need not run, nor be compiled: on a slow
 * phone, compiling the crisis rules was most of the cost of a first crisis check.
 *
 * Conservative by construction: whatever it does not read (a class, \w, a
 * backreference, a flag) counts as "could be anything", and it answers null,
 * never a guess, when nothing certain is left. One pass over the source, no
 * sets of combinations: it runs once per rule on a visitor's phone.
 */

/** Most strings a need may hold; a bigger one checks as slowly as the rule. */
const MAX_NEED = 64;

/**
 * One piece of a pattern. `text`: the one string it always matches ('' for
 * an assertion), null when it can match more than one. `need`: strings, one
 * of which is in each of its matches; null when none are known.
 */
interface Piece {
  text: string | null;
  need: string[] | null;
}

const ANY: Piece = { text: null, need: null };
const NOTHING: Piece = { text: '', need: null };
const char = (c: string): Piece => ({ text: c, need: null });

/** The more selective of two needs: the longer shortest string, then the fewer strings. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a || !b) return a ?? b;
  const shortest = (s: string[]) => s.reduce((n, x) => Math.min(n, x.length), Infinity);
  const sa = shortest(a);
  const sb = shortest(b);
  return sb > sa || (sb === sa && b.length < a.length) ? b : a;
}

function read(source: string): string[] | null {
  let at = 0;

  function alternation(): Piece {
    const first = sequence();
    if (source[at] !== '|') return first;
    let need = first.need;
    while (source[at] === '|') {
      at++;
      const next = sequence().need;
      need = need && next && need.length + next.length <= MAX_NEED ? need.concat(next) : null;
    }
    return { text: null, need };
  }

  function sequence(): Piece {
    let run = '';
    let fixed = true;
    let need: string[] | null = null;
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      const item = quantified();
      // Assertions take no characters: the characters on either side are adjacent in the match.
      if (item.text !== null) run += item.text;
      else {
        if (run) need = better(need, [run]);
        run = '';
        fixed = false;
        need = better(need, item.need);
      }
    }
    if (run) need = better(need, [run]);
    return { text: fixed ? run : null, need };
  }

  function quantified(): Piece {
    const item = atom();
    const c = source[at];
    let min: number;
    if (c === '?' || c === '*' || c === '+') {
      at++;
      min = c === '+' ? 1 : 0;
    } else {
      const m = c === '{' ? /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(at, at + 12)) : null;
      if (!m) return item; // no quantifier (a { without one is a character)
      at += m[0].length;
      min = Number(m[1]);
    }
    if (source[at] === '?') at++; // lazy: the same strings
    if (min === 0) return ANY;
    // Repeated: no longer one string, but what it needs it still needs.
    return { text: null, need: item.text ? [item.text] : item.need };
  }

  function atom(): Piece {
    const c = source[at++];
    if (c === '(') return group();
    if (c === '[') return charClass();
    if (c === '\\') return escape();
    if (c === '^' || c === '$') return NOTHING;
    if (c === '.') return ANY;
    return char(c);
  }

  function group(): Piece {
    let lookaround = false;
    if (source[at] === '?') {
      const c = source[at + 1];
      const d = source[at + 2];
      if (c === ':') at += 2;
      else if (c === '=' || c === '!') (lookaround = true), (at += 2);
      else if (c === '<' && (d === '=' || d === '!')) (lookaround = true), (at += 3);
      else throw new Error(`unread group at ${at}`); // named groups included: never in our rules
    }
    const inner = alternation();
    if (source[at++] !== ')') throw new Error(`unclosed group before ${at}`);
    return lookaround ? NOTHING : inner; // a lookaround takes no characters of its own
  }

  function charClass(): Piece {
    // Skipped, not read: one character of a set.
    while (at < source.length && source[at] !== ']') if (source[at++] === '\\') at++;
    if (source[at++] !== ']') throw new Error('unclosed class');
    return ANY;
  }

  function escape(): Piece {
    const c = source[at++];
    if (c === 'b' || c === 'B') return NOTHING;
    if (c === 'n') return char('\n');
    if (c === 't') return char('\t');
    if ('dDwWsSfrv'.includes(c)) return ANY; // one character of a set
    // \u, \x, \c, \k, \p and backreferences run on past this character: not read, so nothing is claimed.
    if (/[A-Za-z0-9]/.test(c)) throw new Error(`escape \\${c} at ${at}`);
    return char(c);
  }

  const whole = alternation();
  if (at !== source.length) throw new Error(`unreadable at ${at}`);
  return whole.need;
}

/**
 * Literal strings, one of which every match of `pattern` contains; null when
 * none can be named for certain (then the pattern must always run).
 */
export function requiredLiterals(pattern: RegExp): string[] | null {
  // Case folding, Unicode sets and dotAll change what the source means; only plain patterns are read.
  if (pattern.flags.replace(/[gyd]/g, '')) return null;
  try {
    return read(pattern.source);
  } catch {
    return null;
  }
}

/**
 * Needs the widget build has already read, by list name (vite.config.ts
 * defines them from these same functions). Absent in Node and in tests,
 * where they are read on first use.
 */
declare const __RULE_NEEDS__: Record<string, (string[] | null)[]> | undefined;

/** A pattern with the strings one of which each of its matches holds (null: none known; the pattern always runs). */
export interface Prefiltered {
  pattern: RegExp;
  need: string[] | null;
}

/**
 * A list of patterns checked against every question, each with its
 * literals (`requiredLiterals`), so that those that cannot match are
 * skipped without ever being compiled. The widget ships the literals
 * already read (reading 61 rules cost a cold first question some 30 ms at
 * 4x CPU); elsewhere they are read on the first call.
 *
 * @param list the list's name in the widget build's table
 */
export function prefiltered(list: string, patterns: readonly RegExp[]): () => Prefiltered[] {
  let rules: Prefiltered[] | null = null;
  return () => {
    if (rules) return rules;
    // A ternary on `typeof`, so that the build, where the table is a literal, drops the reader.
    const needs = typeof __RULE_NEEDS__ === 'object' ? __RULE_NEEDS__[list] : patterns.map(requiredLiterals);
    if (needs?.length !== patterns.length) throw new Error(`admissions-chat: no rule needs built for "${list}" (vite.config.ts)`);
    return (rules = patterns.map((pattern, i) => ({ pattern, need: needs[i] })));
  };
}

/** False when the text holds none of the strings a match needs: the pattern cannot match it. */
export function mayMatch(need: string[] | null, text: string): boolean {
  return !need || need.some((w) => text.includes(w));
}
