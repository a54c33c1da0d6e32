/**
 * Every sentence of the widget's own chrome, in one table a site can
 * override (`window.AdmissionsChatConfig.strings`). `{center}`, `{phone}`
 * and `{when}` are filled in where they appear. Answers come from the
 * knowledge base, not from here.
 */
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
  // The callback form. The two consent sentences are sent with the request word for word.
  callbackTitle: 'Request a callback',
  callbackHint: 'Leave your first name and number and our admissions team will call you.',
  formLoading: 'Opening the form…',
  formFailed: 'The callback form could not open just now. You can call {center} instead, or try again.',
  tryAgain: 'Try again',
  firstName: 'First name',
  phone: 'Phone number',
  forWhom: 'Who is the help for?',
  forSelf: 'Me',
  forLovedOne: 'Someone I care about',
  bestTime: 'Best time to call',
  hoursHint: 'Admissions calls {hours}.',
  closedHint: 'The line is closed now; "As soon as possible" means {when}.',
  voicemail: 'It is OK to leave a voicemail',
  voicemailHint: 'Unchecked, we will not leave a message, so no one else hears who called.',
  optional: 'Optional',
  insurance: 'Insurance',
  state: 'State you live in',
  language: 'Preferred language',
  preferNot: 'Prefer not to say',
  note: 'Anything we should know to reach you?',
  noteHint: 'Up to 200 characters. Please do not include health details.',
  consentCalls:
    'Call me. I agree that {center} may call me at this number about my request and about treatment services, including with automated technology or prerecorded messages. Consent is not required to receive services; you can also call us at {phone}.',
  consentTexts:
    'Text me too (optional). {center} may text me at this number about my request and scheduling. Message frequency varies. Message and data rates may apply. Reply STOP to opt out, HELP for help.',
  sendRequest: 'Send request',
  sending: 'Sending…',
  stillTrying: 'Still trying to reach our team…',
  cancel: 'Back to chat',
  tooFast: 'Please check your details, then press Send request again.',
  automated: 'This form looks like it was filled in automatically, so it was not sent. Please call us at {phone}.',
  noteCrisis:
    'If you or someone else is in danger right now, please call or text 988, or call 911. We can still pass on your request: press Send request again.',
  sentTitle: 'Request sent',
  sentText: 'Thank you, {name}. {center}\'s admissions team will call you. Your reference number is {reference}.',
  savedTitle: 'Saved, and we will keep trying',
  savedText:
    'We could not reach our admissions team just now. Your request is saved on this device and will be sent automatically the next time you open a page of this site.',
  unsavedText: 'We could not reach our admissions team just now, and this browser cannot save your request for later. Please try again in a moment.',
  ratherCall: 'If you would rather not wait, call {phone}.',
  failed: '{message} Your details are still here.',
  deliveredLater: 'Your saved callback request has reached our admissions team. Your reference number is {reference}.',
} as const;

export type Strings = { -readonly [K in keyof typeof STRINGS]: string };

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

/** The defaults under a site's overrides. */
export function withDefaults(overrides: Partial<Strings>): Strings {
  return { ...STRINGS, ...overrides };
}
