/**
 * Every sentence of the widget's own chrome, in one table a site can
 * override (`window.AdmissionsChatConfig.strings`). `{center}`, `{phone}`
 * and `{when}` are filled in where they appear. Answers come from the
 * knowledge base, not from here.
 */
export const STRINGS = {
  launcher: 'Questions?',
  launcherLabel: 'Questions? Chat with {center}',
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
} as const;

export type Strings = { -readonly [K in keyof typeof STRINGS]: string };

/** Fills `{name}` slots; unknown slots are left as written. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (Object.hasOwn(values, name) ? values[name] : slot));
}

/** The defaults with a site's overrides; anything that is not a non-empty string is ignored. */
export function mergeStrings(overrides: unknown): Strings {
  const out: Strings = { ...STRINGS };
  if (overrides && typeof overrides === 'object') {
    for (const key of Object.keys(STRINGS) as (keyof Strings)[]) {
      const v = (overrides as Record<string, unknown>)[key];
      if (typeof v === 'string' && v.trim()) out[key] = v;
    }
  }
  return out;
}
