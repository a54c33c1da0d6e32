/** The answer engine's public surface: question in, reply out. No DOM, no Node. */
export { answer, answerInSteps, warmUp, type Context } from './answer.js';
export { analyze, indexWords, phraseKey, stem, stopWordStamp, words, isStopWord, type Term } from './analyze.js';
export { detectCrisis, type Crisis, type CrisisKind } from './crisis.js';
export {
  loadKnowledge,
  loadKnowledgeInSteps,
  withPackedIndex,
  hasTerm,
  MANIFEST_FILE,
  KnowledgeError,
  PAYLOAD_FORMAT,
  type Knowledge,
  type KnowledgePayload,
  type KnowledgeManifest,
  type EntryDoc,
  type PayloadEntry,
} from './knowledge.js';
export { normalize } from './normalize.js';
export { ANSWERS_PER_FILE, addAnswers, answersFor, joinAnswers, missingAnswers, pendingAnswers, splitAnswers, withAnswer, type AnswerFiles } from './answers.js';
export { PLACEHOLDERS, telHref, fillHtml, fillText, escapeHtml, type Center } from './placeholders.js';
export { plainText } from './plain-text.js';
export {
  CRISIS_ACTIONS,
  crisisReply,
  type Reply,
  type AnswerReply,
  type FallbackReply,
  type EscalateReply,
  type CrisisReply,
  type Suggestion,
  type Action,
} from './reply.js';
