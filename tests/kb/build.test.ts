import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import lunr from 'lunr';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { analyze, answer, loadKnowledge, phraseKey, PAYLOAD_FORMAT, stem, type Knowledge, type KnowledgePayload } from '../../src/engine/index.js';
import { DEMO_CENTER } from '../../src/shared/index.js';
import { buildPayload, compileSynonyms } from '../../src/kb/build.js';
import { compileKnowledge } from '../../src/kb/compile.js';
import type { Problem } from '../../src/kb/problem.js';
import { readEntry, readKnowledge, type Source, type SynonymRule } from '../../src/kb/read.js';
import { renderAnswer, UnsafeHtmlError } from '../../src/kb/render.js';

// The real renderer, wrapped so that one test can make it fail.
vi.mock('../../src/kb/render.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/kb/render.js')>();
  return { ...mod, renderAnswer: vi.fn(mod.renderAnswer) };
});

const rule = (word: string, ...expansions: string[]): SynonymRule => ({ file: 'synonyms.txt', line: 1, word, expansions });

function compiled(dir: string): KnowledgePayload {
  const { payload, problems } = compileKnowledge(dir);
  if (!payload) throw new Error(`${dir} has problems: ${JSON.stringify(problems)}`);
  return payload;
}

describe('compileSynonyms', () => {
  it('maps a one-word expansion both ways', () => {
    expect(compileSynonyms([rule('rehab', 'treatment')])).toEqual({ rehab: ['treatment'], treatment: ['rehab'] });
  });

  it('maps a phrase one way: the word to every stem of the phrase, never a phrase word back', () => {
    expect(compileSynonyms([rule('iop', 'intensive outpatient')])).toEqual({ iop: ['intens', 'outpati'] });
  });

  it('maps stems, not words', () => {
    const map = compileSynonyms([rule('meds', 'medications')]);
    expect(map).toEqual({ [stem('meds')]: [stem('medications')], [stem('medications')]: [stem('meds')] });
    expect(map).toEqual({ med: ['medic'], medic: ['med'] });
  });

  it('folds case and punctuation of the word', () => {
    expect(compileSynonyms([rule('IOP', 'Intensive Outpatient!')])).toEqual({ iop: ['intens', 'outpati'] });
  });

  it('merges rules for the same stem, sorted and without repeats', () => {
    const map = compileSynonyms([rule('rehab', 'treatment', 'rehabilitation'), rule('rehab', 'recovery program', 'treatment')]);
    expect(map.rehab).toEqual(['program', 'recoveri', 'rehabilit', 'treatment']);
    expect(map.treatment).toEqual(['rehab']);
    expect(map.recoveri).toBeUndefined();
  });

  it('never maps a stem to itself', () => {
    expect(compileSynonyms([rule('therapist', 'therapists', 'counselor')])).toEqual({ therapist: ['counselor'], counselor: ['therapist'] });
  });

  it('judges "one word" after stop words are dropped: "live in" maps both ways', () => {
    expect(compileSynonyms([rule('inpatient', 'live in')])).toEqual({ inpati: ['live'], live: ['inpati'] });
  });

  it('skips a rule whose word is a stop word', () => {
    expect(compileSynonyms([rule('u', 'you'), rule('pls', 'please')])).toEqual({});
  });

  it('returns the keys in sorted order', () => {
    const keys = Object.keys(compileSynonyms([rule('zeta', 'alpha'), rule('mid', 'beta')]));
    expect(keys).toEqual([...keys].sort());
  });

  it('compiles the project synonyms with every value a list of stems that are not the key', () => {
    const map = compiled('knowledge').synonyms;
    expect(Object.keys(map).length).toBeGreaterThan(10);
    for (const [k, v] of Object.entries(map)) {
      expect(v.length, k).toBeGreaterThan(0);
      expect(v, k).not.toContain(k);
      expect(v, k).toEqual([...v].sort());
    }
    expect(map.iop).toEqual(expect.arrayContaining(['intens', 'outpati']));
  });
});

describe('buildPayload', () => {
  const problems: Problem[] = [];
  const source = readKnowledge('knowledge', problems);
  const payload = buildPayload(source, problems);

  it('builds the project knowledge without a problem', () => {
    expect(problems).toEqual([]);
  });

  it('stamps the payload format and the lunr version', () => {
    expect(payload.format).toBe(PAYLOAD_FORMAT);
    expect(payload.lunr).toBe(lunr.version);
  });

  it('lists the entries in file order, each with its id, question, rendered answer and related ids', () => {
    const files = source.entries.map((e) => basename(e.file, '.md'));
    expect(files).toEqual([...files].sort());
    expect(payload.entries.map((e) => e.id)).toEqual(files);
    payload.entries.forEach((e, i) => {
      const s = source.entries[i];
      expect(e).toEqual({ id: s.id?.value, question: s.question?.value, html: renderAnswer(s.answer), related: s.related.map((r) => r.value) });
    });
  });

  it('maps the phrase key of every question and alternate to its entry position', () => {
    source.entries.forEach((e, i) => {
      for (const p of [e.question!, ...e.alternates]) expect(payload.phrases[phraseKey(analyze(p.value))], p.value).toBe(i);
    });
    expect(payload.phrases.iop).toBe(payload.entries.findIndex((e) => e.id === 'what-is-iop'));
  });

  it('serialises a lunr index over question, alternates and tags with no pipeline functions', () => {
    const index = payload.index as { version: string; fields: string[]; pipeline: string[] };
    expect(index.version).toBe(lunr.version);
    expect(index.fields).toEqual(['q', 'a', 't']);
    expect(index.pipeline).toEqual([]);
  });

  it('lists vocabulary words without stop words, most frequent first', () => {
    expect(payload.vocabulary[0]).toBe('iop');
    expect(payload.vocabulary).not.toContain('what');
    for (const w of payload.vocabulary) expect(w).toMatch(/^[a-z]{3,}$/);
    expect(new Set(payload.vocabulary).size).toBe(payload.vocabulary.length);
  });

  it('is the same payload each time it is built from the same source', () => {
    expect(JSON.stringify(buildPayload(source, []))).toBe(JSON.stringify(payload));
  });
});

describe('buildPayload on a small folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'kb-build-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'knowledge');
  mkdirSync(join(dir, 'faq'), { recursive: true });
  writeFileSync(
    join(dir, 'faq', 'parking.md'),
    [
      '---',
      'id: parking',
      'question: Is there parking?',
      'alternates:',
      '  - where do i leave my car',
      '  - garage nearby',
      '  - free lot',
      '  - parking spaces',
      'tags: [directions]',
      '---',
      'Park in the zebra lot behind the building. [Call](tel:{{phone}}) if it is full.',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'synonyms.txt'), 'garage = parking\n');

  it('indexes question, alternates and tags but not the answer body', () => {
    const knowledge = loadKnowledge(compiled(dir));
    expect(Object.keys(knowledge.postings)).toEqual(expect.arrayContaining(['park', 'garag', 'car', 'direct']));
    expect(Object.keys(knowledge.postings)).not.toContain('zebra');
    expect(knowledge.postings.park).toHaveProperty('q');
    expect(knowledge.postings.garag).toHaveProperty('a');
    expect(knowledge.postings.direct).toHaveProperty('t');
  });

  it('stores the rendered answer with placeholders left for the widget', () => {
    expect(compiled(dir).entries[0].html).toBe('<p>Park in the zebra lot behind the building. <a href="tel:{{phone}}">Call</a> if it is full.</p>');
  });

  it('reports a rendering failure at the answer line and gives no payload', () => {
    vi.mocked(renderAnswer).mockImplementationOnce(() => {
      throw new UnsafeHtmlError('rendered HTML holds a tag outside the allow-list: <x>');
    });
    const result = compileKnowledge(dir);
    expect(result.payload).toBeNull();
    expect(result.problems).toEqual([
      { file: expect.stringMatching(/faq\/parking\.md$/), line: 11, message: 'rendered HTML holds a tag outside the allow-list: <x>' },
    ]);
  });
});

/** Varied questions: exact phrasings, paraphrases, typos, crisis, people, small talk, junk, lunr syntax. */
const QUESTIONS = [
  'what is iop',
  'whats an intensive outpatiant program',
  'PHP vs. IOP: what’s the difference?',
  'how many hrs a week',
  'how much does it cost',
  'does my insurance cover it',
  'do you take medicaid',
  'can i keep my job',
  'do i need detox first',
  'what if i relapse',
  'is it confidential',
  'can my family be involved',
  'do you offer virtual iop',
  'what is dbt',
  'what is mat',
  'suboxone during treatment',
  'evening groups for people who work',
  'iop for alchohol',
  'my son needs help with drugs',
  'I want to kill myself',
  'my friend took too many pills',
  'can I talk to a person',
  'hi',
  'thanks',
  'are you a bot',
  'what is the weather in paris',
  '',
  'constructor',
  '__proto__',
  'toString hasOwnProperty',
  '<script>alert(1)</script>',
  'iop:cost +php -inpatient iop~2 cost^10 *',
  'iop '.repeat(500),
  '¿Qué es IOP? café',
];

describe('the serialised index', () => {
  const payload = compiled('knowledge');
  const json = JSON.stringify(payload);
  const fromObject: Knowledge = loadKnowledge(payload);
  const fromJson: Knowledge = loadKnowledge(JSON.parse(json));

  it('is plain JSON that loading does not change', () => {
    expect(JSON.stringify(payload)).toBe(json);
  });

  it('loads to the same entries, synonyms, vocabulary and phrases', () => {
    expect(fromJson.entries).toEqual(fromObject.entries);
    expect(fromJson.synonyms).toEqual(fromObject.synonyms);
    expect(fromJson.vocabulary).toEqual(fromObject.vocabulary);
    expect(fromJson.phrases).toEqual(fromObject.phrases);
    expect(fromJson.size).toBe(fromObject.size);
  });

  it('gives the same lunr search results as the index it was built from', () => {
    for (const q of ['iop', 'intens outpati', 'cost insur', 'detox', 'nothingmatchesthis']) {
      expect(fromJson.index.search(q), q).toEqual(fromObject.index.search(q));
    }
  });

  it.each(QUESTIONS.map((q) => [q.length > 60 ? `${q.slice(0, 60)}…` : q, q]))('answers %j the same after a JSON round trip', (_, q) => {
    const a = answer(fromObject, q, DEMO_CENTER);
    const b = answer(fromJson, q, DEMO_CENTER);
    expect({ kind: b.kind, id: b.id, confidence: b.confidence }).toEqual({ kind: a.kind, id: a.id, confidence: a.confidence });
    expect(b).toEqual(a);
  });

  it('covers every kind of reply with those questions', () => {
    const replies = QUESTIONS.map((q) => answer(fromJson, q, DEMO_CENTER));
    expect(new Set(replies.map((r) => r.kind))).toEqual(new Set(['answer', 'fallback', 'escalate', 'crisis']));
    expect(replies.filter((r) => r.kind === 'answer' && !r.id.startsWith('smalltalk:')).length).toBeGreaterThanOrEqual(10);
  });

  it('answers the first question the way the knowledge folder says', () => {
    expect(answer(fromJson, 'what is iop', DEMO_CENTER)).toMatchObject({ kind: 'answer', id: 'what-is-iop', confidence: 1 });
  });

  it('refuses a payload built with another lunr version or payload format', () => {
    expect(() => loadKnowledge({ ...JSON.parse(json), lunr: '0.0.1' })).toThrow(/lunr 0\.0\.1/);
    expect(() => loadKnowledge({ ...JSON.parse(json), format: PAYLOAD_FORMAT + 1 })).toThrow(/payload format/);
  });
});

describe('buildPayload on a minimal source', () => {
  it('builds an entry with its rendered answer and no related ids', () => {
    const problems: Problem[] = [];
    const e = readEntry('faq/a.md', '---\nid: a\nquestion: Q about apples?\nalternates: [apples]\n---\nx', problems);
    const source: Source = { dir: 'kb', entries: [e!], synonyms: [] };
    expect(buildPayload(source, problems).entries).toEqual([{ id: 'a', question: 'Q about apples?', html: '<p>x</p>', related: [] }]);
    expect(problems).toEqual([]);
  });
});
