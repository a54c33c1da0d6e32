import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { analyze, answer, indexWords, loadKnowledge, PAYLOAD_FORMAT, stopWordStamp, type Knowledge, type KnowledgePayload } from '../../src/engine/index.js';
import { anchorPhrasings, findPhrasing, vocabularyOf } from '../../src/engine/knowledge.js';
import { posting } from '../../src/engine/postings.js';
import { DEMO_CENTER } from '../../src/shared/index.js';
import { buildPayload } from '../../src/kb/build.js';
import { compileKnowledge } from '../../src/kb/compile.js';
import type { Problem } from '../../src/kb/problem.js';
import { readEntry, readKnowledge, type Source } from '../../src/kb/read.js';
import { renderAnswer, UnsafeHtmlError } from '../../src/kb/render.js';

// The real renderer, wrapped so that one test can make it fail.
vi.mock('../../src/kb/render.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/kb/render.js')>();
  return { ...mod, renderAnswer: vi.fn(mod.renderAnswer) };
});

function compiled(dir: string): KnowledgePayload {
  const { payload, problems } = compileKnowledge(dir);
  if (!payload) throw new Error(`${dir} has problems: ${JSON.stringify(problems)}`);
  return payload;
}

describe('buildPayload', () => {
  const problems: Problem[] = [];
  const source = readKnowledge('knowledge', problems);
  const payload = buildPayload(source, problems);

  it('builds the project knowledge without a problem', () => {
    expect(problems).toEqual([]);
  });

  it('stamps the payload format and the stop-word list it dropped words with', () => {
    expect(payload.format).toBe(PAYLOAD_FORMAT);
    expect(payload.stopWords).toBe(stopWordStamp());
  });

  it('lists the entries in file order, each with its id, question, rendered answer and related ids', () => {
    const files = source.entries.map((e) => basename(e.file, '.md'));
    expect(files).toEqual([...files].sort());
    expect(payload.entries.map((e) => e[0])).toEqual(files);
    payload.entries.forEach(([id, question, html, related], i) => {
      const s = source.entries[i];
      expect({ id, question, html, related }).toEqual({
        id: s.id?.value,
        question: s.question?.value,
        html: renderAnswer(s.answer),
        related: s.related.map((r) => r.value).join(' '),
      });
    });
  });

  it('ships alternates and tags as normalised words without stop words, not an index', () => {
    payload.entries.forEach(([, , , , alternates, tags], i) => {
      const s = source.entries[i];
      expect(alternates.split('|')).toEqual(s.alternates.map((a) => indexWords(a.value)).filter(Boolean));
      expect(tags.split('|')).toEqual(s.tags.map((t) => indexWords(t.value)).filter(Boolean));
    });
    const iop = payload.entries.find((e) => e[0] === 'what-is-iop')!;
    expect(iop[4].split('|')).toContain('iop');
    expect(Object.keys(payload).sort()).toEqual(['entries', 'format', 'stopWords', 'synonyms']);
  });

  it('ships the synonym rules as normalised words', () => {
    const rules = payload.synonyms.split('|');
    expect(rules).toContain('iop=intensive outpatient');
    expect(rules).toContain('php=partial hospitalization,day treatment,day program');
    for (const r of rules) expect(r).toMatch(/^[a-z0-9 ]*=[a-z0-9 ,]*$/);
  });

  it('loads to an index where every question and alternate finds its own entry word for word', () => {
    const knowledge = loadKnowledge(payload);
    source.entries.forEach((e, i) => {
      for (const p of [e.question!, ...e.alternates]) {
        const stems = analyze(p.value).map((t) => t.stem);
        if (stems.length) expect(findPhrasing(knowledge, stems), p.value).toBe(i);
      }
    });
    expect(findPhrasing(knowledge, ['iop'])).toBe(payload.entries.findIndex((e) => e[0] === 'what-is-iop'));
  });

  it('loads to vocabulary words without stop words, most frequent first', () => {
    const vocabulary = vocabularyOf(loadKnowledge(payload));
    expect(vocabulary[0]).toBe('iop');
    expect(vocabulary).not.toContain('what');
    for (const w of vocabulary) expect(w).toMatch(/^[a-z]{3,}$/);
    expect(new Set(vocabulary).size).toBe(vocabulary.length);
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
    const { index } = loadKnowledge(compiled(dir));
    expect([...index.terms.keys()]).toEqual(expect.arrayContaining(['park', 'garag', 'car', 'direct']));
    expect([...index.terms.keys()]).not.toContain('zebra');
    // Fields: 0 question, 1 alternates, 2 tags.
    expect(posting(index, 'park')!.docs[0]).toEqual([0]);
    expect(posting(index, 'garag')!.docs[1]).toEqual([0]);
    expect(posting(index, 'direct')!.docs[2]).toEqual([0]);
  });

  it('stores the rendered answer with placeholders left for the widget', () => {
    expect(compiled(dir).entries[0][2]).toBe('<p>Park in the zebra lot behind the building. <a href="tel:{{phone}}">Call</a> if it is full.</p>');
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

describe('the payload after a JSON round trip', () => {
  const payload = compiled('knowledge');
  const json = JSON.stringify(payload);
  const fromObject: Knowledge = loadKnowledge(payload);
  const fromJson: Knowledge = loadKnowledge(JSON.parse(json));

  it('is plain JSON that loading does not change', () => {
    expect(JSON.stringify(payload)).toBe(json);
  });

  it('loads to the same entries, index, synonyms, vocabulary and phrasings', () => {
    expect(fromJson.entries).toEqual(fromObject.entries);
    expect(fromJson.index).toEqual(fromObject.index);
    expect(fromJson.synonyms).toEqual(fromObject.synonyms);
    expect(vocabularyOf(fromJson)).toEqual(vocabularyOf(fromObject));
    expect(fromJson.phrasings).toEqual(fromObject.phrasings);
    expect(fromJson.size).toBe(fromObject.size);
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

  it('refuses a payload built with another payload format or another stop-word list', () => {
    expect(() => loadKnowledge({ ...JSON.parse(json), format: PAYLOAD_FORMAT + 1 })).toThrow(/payload format/);
    expect(() => loadKnowledge({ ...JSON.parse(json), stopWords: 'x' })).toThrow(/stop-word list/);
    expect(() => loadKnowledge({ format: PAYLOAD_FORMAT, index: {} })).toThrow(/not a knowledge payload/);
  });
});

describe('buildPayload on a minimal source', () => {
  it('builds an entry with its rendered answer and no related ids', () => {
    const problems: Problem[] = [];
    const e = readEntry('faq/a.md', '---\nid: a\nquestion: Q about apples?\nalternates: [apples]\n---\nx', problems);
    const source: Source = { dir: 'kb', entries: [e!], synonyms: [] };
    expect(buildPayload(source, problems).entries).toEqual([['a', 'Q about apples?', '<p>x</p>', '', 'apples', '']]);
    expect(loadKnowledge(buildPayload(source, [])).entries).toEqual([{ id: 'a', question: 'Q about apples?', html: '<p>x</p>', related: [] }]);
    expect(problems).toEqual([]);
  });
});

describe('buildPayload with the index packed in', () => {
  const source = readKnowledge('knowledge', []);
  const derived = loadKnowledge(buildPayload(source, [], false));
  const shipped = buildPayload(source, [], true);
  const packed = loadKnowledge(JSON.parse(JSON.stringify(shipped)));

  it('ships the terms, postings, field lengths and vocabulary, and no tags', () => {
    expect(shipped.index!.terms.split(' ')).toEqual([...derived.index.terms.keys()]);
    expect(shipped.index!.postings).toHaveLength(derived.index.terms.size);
    expect(shipped.index!.vocabulary.split(' ')).toEqual(vocabularyOf(derived));
    expect(shipped.entries.every((e) => e[5] === '')).toBe(true);
  });

  it('loads to the same index, anchored, field lengths and vocabulary', () => {
    const anchored = loadKnowledge(buildPayload(source, [], false));
    anchorPhrasings(anchored);
    expect(packed.index.lengths).toEqual(derived.index.lengths);
    expect(packed.index.average).toEqual(derived.index.average);
    for (const term of derived.index.terms.keys()) expect(posting(packed.index, term), term).toEqual(posting(anchored.index, term));
    expect(vocabularyOf(packed)).toEqual(vocabularyOf(derived));
  });

  it.each(['questions', 'holdout/questions', 'out-of-scope'])('answers every question of %s exactly as the derived index does', (name) => {
    const lines = readFileSync(`tests/fixtures/${name}.txt`, 'utf8').split('\n').filter((l) => l.includes('=>'));
    for (const line of lines) {
      const q = line.slice(0, line.lastIndexOf('=>')).trim();
      expect(answer(packed, q, DEMO_CENTER), q).toEqual(answer(derived, q, DEMO_CENTER));
    }
  });
});
