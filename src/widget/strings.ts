/**
 * Every sentence of the widget's own chrome, in tables a site can override
 * (`window.AdmissionsChatConfig.strings`): the chat's here, the callback
 * form's in form-strings.ts, which loads with the form. `{center}`,
 * `{phone}` and `{when}` are filled in where they appear. Answers come from
 * the knowledge base, not from here.
 */
import type { FormStrings } from './form-strings.js';

/** The launcher's words, apart so the loader carries only these two. */
export const LAUNCHER_STRINGS = {
  launcher: 'Questions?',
  launcherLabel: 'Questions? Chat with {center}',
} as const;

export const STRINGS = {
  ...LAUNCHER_STRINGS,
  subtitle: 'Automated assistant · answers from our FAQ',
  intro:
    'I am an automated assistant for {center}, not monitored by staff. What you type stays on this device. In a crisis, call or text 988, or call 911 in an emergency.',
  suggestionsLabel: 'Suggested questions',
  relatedLabel: 'Related questions',
  didYouMeanLabel: 'Did you mean',
  placeholder: 'Type your question…',
  questionLabel: 'Your question',
  send: 'Send',
  close: 'Close chat',
  call: 'Call',
  callLabel: 'Call {center} at {phone}',
  callPhone: 'Call {phone}',
  requestCallback: 'Request a callback',
  clear: 'Clear conversation',
  typing: 'Looking up an answer',
  conversation: 'Conversation',
  crisisStrip: 'Need help now?',
  loadFailed: 'I cannot load answers right now. You can still call {center} at {phone} or request a callback.',
  openNow: 'Our admissions line is open now.',
  closedNow: 'Our admissions line is closed right now. It opens {when}. Request a callback and someone will call you then.',
  open247: 'Our admissions line is open 24 hours a day, 7 days a week.',
  // Around the callback form, shown while its code loads or when it cannot.
  formLoading: 'Opening the form…',
  formFailed: 'The callback form could not open just now. You can call {center} instead, or try again.',
  tryAgain: 'Try again',
  cancel: 'Back to chat',
  deliveredLater: 'Your saved callback request has reached our admissions team. Your reference number is {reference}.',
} as const;

/** The chat's sentences, and any of the form's a site overrode (the form fills in the rest). */
export type ChatStrings = { -readonly [K in keyof typeof STRINGS]: string } & Partial<FormStrings>;

/** Every sentence a site can override. */
export type Strings = Required<ChatStrings>;

/** Fills `{name}` slots; unknown slots are left as written. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (Object.hasOwn(values, name) ? values[name] : slot));
}

/** A site's overrides: every non-empty string value (unknown keys are harmless and unused). */
export function pickStrings(overrides: unknown): Partial<Strings> {
  const out: Record<string, string> = {};
  if (overrides && typeof overrides === 'object') {
    for (const [key, v] of Object.entries(overrides)) if (typeof v === 'string' && v.trim()) out[key] = v;
  }
  return out as Partial<Strings>;
}

/** The chat's defaults under a site's overrides (which keep any of the form's). */
export function withDefaults(overrides: Partial<Strings>): ChatStrings {
  return { ...STRINGS, ...overrides };
}
