/**
 * What the engine says back: one of four kinds of reply, each carrying the
 * plain text a visitor would read. The widget renders them; the CLI prints
 * them. Wording lives here, in one place, so every surface says the same.
 */
import type { Crisis } from './crisis.js';
import type { SmallTalk } from './intent.js';
import type { EntryDoc } from './knowledge.js';
import { type Center, escapeHtml, fillHtml, fillText } from './placeholders.js';
import { plainText } from './plain-text.js';

/** A question the visitor can pick instead of typing. */
export interface Suggestion {
  id: string;
  question: string;
}

/** A tap target: a number to call or text, or a page to open. */
export interface Action {
  label: string;
  href: string;
}

/** An answer from the knowledge base (or a short small-talk reply). */
export interface AnswerReply {
  kind: 'answer';
  /** Entry id, or `smalltalk:<kind>` for small talk. */
  id: string;
  question?: string;
  html: string;
  text: string;
  confidence: number;
  related: Suggestion[];
}

/** Not sure: up to three likely questions, and the call/callback. */
export interface FallbackReply {
  kind: 'fallback';
  id: null;
  text: string;
  confidence: number;
  suggestions: Suggestion[];
}

/** The visitor wants a person (or has had two unanswered questions): call or callback. */
export interface EscalateReply {
  kind: 'escalate';
  id: null;
  reason: 'asked' | 'unanswered';
  text: string;
  confidence: number;
}

/** A crisis: emergency numbers first, never the callback form. */
export interface CrisisReply {
  kind: 'crisis';
  id: null;
  crisis: Crisis;
  text: string;
  confidence: number;
  actions: Action[];
}

export type Reply = AnswerReply | FallbackReply | EscalateReply | CrisisReply;

/** The fixed crisis numbers; they never depend on configuration or hours. */
export const CRISIS_ACTIONS = {
  call988: { label: 'Call 988', href: 'tel:988' },
  text988: { label: 'Text 988', href: 'sms:988' },
  call911: { label: 'Call 911', href: 'tel:911' },
  poison: { label: 'Poison Control 1-800-222-1222', href: 'tel:+18002221222' },
} as const satisfies Record<string, Action>;

const NOT_A_PERSON = 'I am an automated assistant and cannot send help.';

/** The reply for a detected crisis, worded for the visitor or for someone helping another person. */
export function crisisReply(crisis: Crisis): CrisisReply {
  const { call988, text988, call911, poison } = CRISIS_ACTIONS;
  let lines: string[];
  let actions: Action[];
  if (crisis.kind === 'suicide') {
    lines =
      crisis.who === 'other'
        ? [
            'That sounds frightening, and you are right to act on it.',
            'If they are in immediate danger, call 911 and stay with them if it is safe.',
            'The 988 Suicide & Crisis Lifeline also helps people worried about someone else: call or text 988, any time.',
          ]
        : [
            'I am really glad you told me. You deserve support right now.',
            'Call or text 988 to reach the Suicide & Crisis Lifeline: free, confidential, 24/7.',
            'If you might act on these thoughts or you are in danger, call 911.',
          ];
    actions = crisis.who === 'other' ? [call911, call988, text988] : [call988, text988, call911];
  } else if (crisis.kind === 'overdose') {
    lines = [
      'This may be a medical emergency. Call 911 now.',
      crisis.who === 'other'
        ? 'If it might be an opioid overdose and you have naloxone (Narcan), use it, and stay with them.'
        : 'If you can, tell someone near you and stay where help can reach you.',
    ];
    actions = [call911];
  } else if (crisis.kind === 'withdrawal') {
    lines = [
      'Seizures, seeing or hearing things that are not there, or severe shaking after stopping alcohol or benzodiazepines can be life-threatening.',
      'Call 911 or go to the nearest emergency room now.',
    ];
    actions = [call911];
  } else {
    lines = ['If anyone is in danger right now, call 911.', 'For a mental health crisis, call or text 988.'];
    actions = [call911, call988];
  }
  if (crisis.pills) {
    lines.push('For questions about pills or a possible poisoning, Poison Control is at 1-800-222-1222, 24/7.');
    actions.push(poison);
  }
  lines.push(NOT_A_PERSON);
  return { kind: 'crisis', id: null, crisis, text: lines.join(' '), confidence: 1, actions };
}

/** The reply for an FAQ entry, with placeholders filled. */
export function answerReply(entry: EntryDoc, center: Center, confidence: number, related: Suggestion[]): AnswerReply {
  const html = fillHtml(entry.html, center);
  return { kind: 'answer', id: entry.id, question: entry.question, html, text: plainText(html), confidence, related };
}

const SMALL_TALK_TEXT: Record<SmallTalk, string> = {
  greeting: 'Hello! Ask me anything about our intensive outpatient program, or about getting started.',
  thanks: 'You are welcome. If anything else comes up, just ask.',
  goodbye: 'Take care. You can come back to this chat any time.',
  identity:
    'I am an automated assistant for {{center}}. I answer common questions from our FAQ, and I am not monitored by staff. To talk to a person, call {{phone}} or ask for a callback.',
};

/** A short, friendly reply to small talk. */
export function smallTalkReply(kind: SmallTalk, center: Center): AnswerReply {
  const text = fillText(SMALL_TALK_TEXT[kind], center);
  return { kind: 'answer', id: `smalltalk:${kind}`, html: `<p>${escapeHtml(text)}</p>`, text, confidence: 1, related: [] };
}

/** Not sure what was meant: say so plainly and offer likely questions. */
export function fallbackReply(center: Center, confidence: number, suggestions: Suggestion[]): FallbackReply {
  const lead = suggestions.length
    ? 'I am not sure I understood. Did you mean one of these?'
    : 'I am not sure I can answer that one.';
  const text = `${lead} You can also call ${center.center} at ${center.phone} or ask for a callback.`;
  return { kind: 'fallback', id: null, text, confidence, suggestions };
}

/** Hand the visitor to a person: call now or request a callback. */
export function escalateReply(center: Center, reason: EscalateReply['reason']): EscalateReply {
  const lead =
    reason === 'asked'
      ? 'Our admissions team would be glad to talk with you.'
      : 'I have not been able to answer your last questions, and a person can.';
  const text = `${lead} Call ${center.center} at ${center.phone}, or request a callback and someone will call you.`;
  return { kind: 'escalate', id: null, reason, text, confidence: 1 };
}
