/**
 * The whole path from what a visitor typed to one reply — the file to read
 * first. Order matters: a crisis is checked before anything else and cannot
 * be outranked by a confident FAQ match; then a wish for a person; then small
 * talk; only then the index, whose hits must be confident to become an answer.
 */
import { analyze } from './analyze.js';
import { decide } from './confidence.js';
import { detectCrisis } from './crisis.js';
import { smallTalk, wantsPerson, withoutGreeting } from './intent.js';
import { entryById, findPhrasing, type Knowledge } from './knowledge.js';
import type { Center } from './placeholders.js';
import { answerReply, crisisReply, escalateReply, fallbackReply, smallTalkReply, type Reply, type Suggestion } from './reply.js';
import { search } from './search.js';
import { expand, isKnown } from './expand.js';

/** Most analysed terms a question is searched with; the rest of a pasted essay adds only noise. */
const MAX_TERMS = 32;

/** What the engine needs besides the question. */
export interface Context extends Center {
  /** How many questions in a row just before this one went unanswered. */
  unanswered?: number;
}

/**
 * Answers one visitor message. Never throws for any input.
 *
 * @param knowledge a loaded knowledge base
 * @param question what the visitor typed
 * @param context the center's name and phone, and the conversation's unanswered count
 */
export function answer(knowledge: Knowledge, question: unknown, context: Context): Reply {
  const steps = answerInSteps(knowledge, question, context);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `answer`, a stage per step (the rules, a crisis first; analysis and the
 * phrasing lookup; the ranking; the reply), for a caller that yields between
 * them. A question through cold code, the first on a slow phone, took over
 * 50 ms as one task; no stage alone comes near that.
 */
export function* answerInSteps(knowledge: Knowledge, question: unknown, context: Context): Generator<void, Reply, void> {
  const text = typeof question === 'string' ? question : '';
  const ruled = yield* ruleSteps(text, context);
  if (ruled) return ruled;

  const terms = expand(knowledge, analyze(withoutGreeting(text)).slice(0, MAX_TERMS));
  // A phrasing the knowledge base lists word for word needs no ranking.
  const known = findPhrasing(knowledge, terms.map((t) => t.stem));
  const entry = known === undefined ? undefined : knowledge.entries[known];
  yield;
  const hits = search(knowledge, terms);
  yield;
  if (entry) return answerReply(entry, context, 1, related(knowledge, entry.id, hits.filter((h) => h.entry !== entry)));
  const verdict = decide(hits, terms.some((t) => isKnown(knowledge, t.stem)));
  if (verdict.kind === 'answer') {
    const top = hits[0].entry;
    return answerReply(top, context, verdict.confidence, related(knowledge, top.id, hits.slice(1)));
  }
  // The second miss in a row gets a person, not another "not sure".
  if ((context.unanswered ?? 0) >= 1) return escalateReply(context, 'unanswered');
  return fallbackReply(context, verdict.confidence, verdict.suggestions.map(suggestion));
}

/**
 * The rules, a step each: a crisis (decided before any pause), then a wish
 * for a person or small talk. Their reply, or undefined for the index.
 */
function* ruleSteps(text: string, context: Context): Generator<void, Reply | undefined, void> {
  const crisis = detectCrisis(text);
  if (crisis) return crisisReply(crisis);
  yield;
  if (wantsPerson(text)) return escalateReply(context, 'asked');
  const talk = smallTalk(text);
  if (talk) return smallTalkReply(talk, context);
  yield;
  return undefined;
}

/**
 * Two questions for `warmUp`. They trip no rule, so they also reach the
 * index. Every word is one the default knowledge base knows (and `warmUp`
 * drops any that a site's own lacks), since a misspelling would build the
 * spelling vocabulary, a long task of its own on a slow phone. Both hold
 * the words most questions share with the rules' prefilters ("how ", " to ",
 * "want to", "take", "program", "people"), so that each of those rules runs
 * once per question.
 */
export const WARM_UP = [
  'how do people in the program want to take the evening group',
  'how long do people take to get to the evening group, and do they want to stay in the program',
] as const;

/**
 * Runs questions that trip no rule through the engine ahead of any
 * visitor's, a stage per step. V8 compiles a regular expression on its first
 * match and compiles it again, to machine code, on its second: tens of
 * milliseconds for the rules (crisis, a wish for a person, small talk) on a
 * slow phone. (Of the crisis check this compiles the normalising; the rules
 * themselves run only for messages holding their words, see crisis.ts.)
 * Given the knowledge base, the questions also go through the index, the
 * stages of `answerInSteps`, whose code is otherwise still cold for the
 * visitor's first question. The widget takes one step per idle moment, the
 * rules from the start and the index once the knowledge base has loaded, so
 * that no question pays for this.
 */
export function* warmUp(knowledge?: Knowledge): Generator<void, void, void> {
  for (const text of WARM_UP) {
    if (!knowledge) {
      yield* ruleSteps(text, { center: '', phone: '' });
      continue;
    }
    // Only words this knowledge base knows (a site's own FAQ may lack some),
    // so that warming up never builds the spelling vocabulary.
    const known = text.split(' ').filter((w) => analyze(w).every((t) => isKnown(knowledge, t.stem))).join(' ');
    yield* answerInSteps(knowledge, known, { center: '', phone: '' });
    yield;
  }
}

function suggestion(entry: { id: string; question: string }): Suggestion {
  return { id: entry.id, question: entry.question };
}

/** 2–3 related questions: the author's links first, then the runners-up. */
function related(knowledge: Knowledge, id: string, runnersUp: { entry: { id: string } }[]): Suggestion[] {
  const ids = [...(entryById(knowledge, id)?.related ?? []), ...runnersUp.map((h) => h.entry.id)];
  const out: Suggestion[] = [];
  for (const rid of ids) {
    const entry = entryById(knowledge, rid);
    if (entry && rid !== id && !out.some((s) => s.id === rid)) out.push(suggestion(entry));
    if (out.length === 3) break;
  }
  return out;
}
