import { describe, expect, it } from 'vitest';
import { compileKnowledge } from '../../src/kb/compile.js';
import { formatProblem, type Problem } from '../../src/kb/problem.js';
import { readEntry, readSynonyms, type Source } from '../../src/kb/read.js';
import { MAX_ANSWER_WORDS, MIN_ALTERNATES, validate } from '../../src/kb/validate.js';
import { BROKEN, EXPECTED, isExpected } from './knowledge-broken.js';

/** Builds a Source from in-memory files, as readKnowledge would. */
function source(files: Record<string, string>, synonyms = ''): { source: Source; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries = Object.entries(files).flatMap(([file, text]) => readEntry(`faq/${file}`, text, problems) ?? []);
  return { source: { dir: 'kb', entries, synonyms: readSynonyms('synonyms.txt', synonyms, problems) }, problems };
}

/** A valid entry file; `over` replaces or adds front matter lines, `answer` the body. */
function file(id: string, over: { question?: string; alternates?: string[]; extra?: string[]; answer?: string } = {}): string {
  const alternates = over.alternates ?? [`${id} first`, `${id} second`, `${id} third`, `${id} fourth`].map((a) => a.replace(/-/g, ' '));
  return [
    '---',
    `id: ${id}`,
    `question: ${over.question ?? `What about ${id.replace(/-/g, ' ')}?`}`,
    'alternates:',
    ...alternates.map((a) => `  - ${a}`),
    ...(over.extra ?? []),
    '---',
    over.answer ?? 'A short answer.',
  ].join('\n');
}

function check(files: Record<string, string>, synonyms = ''): string[] {
  const { source: s, problems } = source(files, synonyms);
  validate(s, problems);
  return problems.map(formatProblem);
}

describe('compileKnowledge on a broken knowledge folder', () => {
  const result = compileKnowledge(BROKEN);

  it('returns no payload', () => {
    expect(result.payload).toBeNull();
  });

  it('counts the entries it could read (files without front matter are not entries)', () => {
    expect(result.entries).toBe(16);
  });

  it.each(EXPECTED)('reports %s: %s', (location, message) => {
    const found = result.problems.map(formatProblem).filter((p) => isExpected(p, [location, message]));
    expect(found, `no problem at ${location} containing "${message}" in:\n${result.problems.map(formatProblem).join('\n')}`).toHaveLength(1);
  });

  it('reports exactly those problems and nothing else', () => {
    const unmatched = result.problems.map(formatProblem);
    for (const expected of EXPECTED) {
      const i = unmatched.findIndex((p) => isExpected(p, expected));
      if (i >= 0) unmatched.splice(i, 1);
    }
    expect(unmatched).toEqual([]);
    expect(result.problems).toHaveLength(28);
    expect(EXPECTED).toHaveLength(28);
  });

  it('reports file paths relative to the working folder', () => {
    for (const p of result.problems) expect(p.file.startsWith(`${BROKEN}/`), p.file).toBe(true);
  });

  it('reports every problem at a real line (1 or more)', () => {
    for (const p of result.problems) expect(p.line, formatProblem(p)).toBeGreaterThanOrEqual(1);
  });

  it('says every problem as one sentence that ends with a full stop', () => {
    for (const p of result.problems) expect(p.message, formatProblem(p)).toMatch(/\.$/);
  });
});

describe('validate', () => {
  it('accepts a clean entry', () => {
    expect(check({ 'parking.md': file('parking') })).toEqual([]);
  });

  it('accepts {{center}} and {{phone}}, also with spaces inside the braces', () => {
    expect(check({ 'parking.md': file('parking', { question: 'Is there parking at {{center}}?', answer: 'Call {{ phone }} or [call](tel:{{phone}}).' }) })).toEqual([]);
  });

  it('accepts https, tel and mailto links', () => {
    const answer = '[site](https://example.com) [call](tel:{{phone}}) [mail](mailto:a@example.com)';
    expect(check({ 'parking.md': file('parking', { answer }) })).toEqual([]);
  });

  it(`accepts an answer of exactly ${MAX_ANSWER_WORDS} words and refuses one word more`, () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(check({ 'parking.md': file('parking', { answer: words(MAX_ANSWER_WORDS) }) })).toEqual([]);
    expect(check({ 'parking.md': file('parking', { answer: words(MAX_ANSWER_WORDS + 1) }) })).toEqual([
      `faq/parking.md:10: answer is ${MAX_ANSWER_WORDS + 1} words; keep it to ${MAX_ANSWER_WORDS} or fewer so it fits a phone screen.`,
    ]);
  });

  it('reports a missing id on line 1', () => {
    const text = file('parking').replace('id: parking\n', '');
    expect(check({ 'parking.md': text })).toEqual(['faq/parking.md:1: missing `id`: give the entry a stable id such as `what-is-iop`.']);
  });

  it('reports an id that does not match the file name at the id line', () => {
    expect(check({ 'parking-lot.md': file('parking') })).toEqual([
      'faq/parking-lot.md:2: id `parking` does not match the file name: name the file `parking.md`.',
    ]);
  });

  it('reports an id that is only the end of the file name', () => {
    expect(check({ 'not-parking.md': file('parking') })).toEqual([
      'faq/not-parking.md:2: id `parking` does not match the file name: name the file `parking.md`.',
    ]);
  });

  it('reports a duplicate id at the later file, naming the first', () => {
    const problems = check({ 'parking.md': file('parking'), 'parking2.md': file('parking', { alternates: ['car lot', 'where to leave my car', 'garage nearby', 'valet service'], question: 'Garage?' }) });
    expect(problems).toContain('faq/parking2.md:2: duplicate id `parking`: also used in faq/parking.md:2.');
  });

  it('reports fewer than the minimum alternates, in the singular for one', () => {
    expect(check({ 'parking.md': file('parking', { alternates: ['car lot'] }) })).toEqual([
      `faq/parking.md:1: only 1 alternate phrasing: add at least ${MIN_ALTERNATES}, written the way visitors type.`,
    ]);
  });

  it('reports an unknown placeholder in the question at the question line', () => {
    expect(check({ 'parking.md': file('parking', { question: 'Parking at {{address}}?' }) })).toEqual([
      'faq/parking.md:3: unknown placeholder `{{address}}`: use one of {{center}}, {{phone}}.',
    ]);
  });

  it('reports raw HTML of any kind at its line of the answer', () => {
    for (const html of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<iframe src="https://x"></iframe>', '<!-- hidden -->', 'a </b> b']) {
      const problems = check({ 'parking.md': file('parking', { answer: `Fine.\n\n${html}` }) });
      expect(problems, html).toEqual([expect.stringMatching(/^faq\/parking\.md:12: raw HTML is not allowed in an answer/)]);
    }
  });

  it('reports links that are not https, tel or mailto', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'http://example.com', '/relative', 'JAVASCRIPT:x']) {
      const problems = check({ 'parking.md': file('parking', { answer: `[here](${href})` }) });
      expect(problems, href).toEqual([expect.stringMatching(/^faq\/parking\.md:10: link `[^`]+` is not allowed: links must start with https:\/\/, tel: or mailto:\.$/)]);
    }
  });

  it('reports a phrasing whose words are all stop words', () => {
    expect(check({ 'parking.md': file('parking', { alternates: ['parking lot', 'car park', 'garage', 'what is it'] }) })).toEqual([
      'faq/parking.md:8: phrasing "what is it" has no searchable words (only words like "what", "is", "it"): say what it is about.',
    ]);
  });

  it('judges collisions on analysed words: order, case, punctuation and stop words do not matter', () => {
    const a = file('what-is-iop', { question: 'What is an IOP program?', alternates: ['what is iop', 'iop meaning', 'iop explained', 'define iop'] });
    const b = file('iop-schedule', { question: 'When are the groups?', alternates: ['schedule of groups', 'hours each week', 'whats an IOP?', 'days per week'] });
    expect(check({ 'iop-schedule.md': b, 'what-is-iop.md': a })).toEqual([
      'faq/what-is-iop.md:5: phrasing "what is iop" collides with faq/iop-schedule.md:7: to the search they are the same words ("iop"), so they cannot point to two entries.',
    ]);
  });

  it('judges collisions on stems: "groups schedule" collides with "schedule of group"', () => {
    const a = file('alpha', { alternates: ['groups schedule', 'alpha two', 'alpha three', 'alpha four'] });
    const b = file('beta', { alternates: ['schedule of group', 'beta two', 'beta three', 'beta four'] });
    expect(check({ 'alpha.md': a, 'beta.md': b })).toEqual([expect.stringContaining('faq/beta.md:5: phrasing "schedule of group" collides with faq/alpha.md:5')]);
  });

  it('lets one entry repeat a phrasing of its own', () => {
    expect(check({ 'parking.md': file('parking', { question: 'Parking lot?', alternates: ['the parking lot', 'parking lots', 'car park', 'garage'] }) })).toEqual([]);
  });

  it('reports an unknown related id and a self-relation at the line of each item', () => {
    const text = file('parking', { extra: ['related: [nowhere]'] });
    expect(check({ 'parking.md': text })).toEqual(['faq/parking.md:9: related id `nowhere` does not exist.']);
    const self = file('parking', { extra: ['related:', '  - parking'] });
    expect(check({ 'parking.md': self })).toEqual(['faq/parking.md:10: an entry cannot be related to itself.']);
  });

  it('accepts a related id that is defined in a later file', () => {
    expect(check({ 'alpha.md': file('alpha', { extra: ['related: [beta]'] }), 'beta.md': file('beta') })).toEqual([]);
  });

  it('reports a multi-word or hyphenated synonym key and a key defined twice', () => {
    const problems = check({ 'parking.md': file('parking') }, 'day program = php\ntwelve-step = aa\nIOP = intensive outpatient\niop = outpatient\n');
    expect(problems).toEqual([
      'synonyms.txt:1: `day program` must be one word: put phrases on the right of `=`.',
      'synonyms.txt:2: `twelve-step` must be one word: put phrases on the right of `=`.',
      'synonyms.txt:4: `iop` is already defined on line 3: merge the two rules.',
    ]);
  });

  it('reports a folder without entries once, at line 0', () => {
    const problems: Problem[] = [];
    validate({ dir: 'kb', entries: [], synonyms: [] }, problems);
    expect(problems).toEqual([{ file: 'kb', line: 0, message: 'no entries: add at least one `faq/*.md` file.' }]);
  });

  it('does not add "no entries" when reading already reported why there are none', () => {
    const problems: Problem[] = [{ file: 'kb/faq', line: 0, message: 'no `faq` folder.' }];
    validate({ dir: 'kb', entries: [], synonyms: [] }, problems);
    expect(problems).toHaveLength(1);
  });

  it('finds no problem in the project knowledge folder', () => {
    const result = compileKnowledge('knowledge');
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.payload).not.toBeNull();
  });
});
