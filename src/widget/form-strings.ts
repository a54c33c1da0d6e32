/**
 * The callback form's sentences. Apart from the chat's (strings.ts) because
 * they load with the form's code, not on the way to the first answer; a site
 * overrides them through the same `strings` option. The two consent
 * sentences are sent with the request word for word.
 */
import type { ChatStrings } from './strings.js';

export const FORM_STRINGS = {
  callbackTitle: 'Request a callback',
  callbackHint: 'Leave your first name and number and our admissions team will call you.',
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
  tooFast: 'Please check your details, then press Send request again.',
  automated: 'This form looks like it was filled in automatically, so it was not sent. Please call us at {phone}.',
  noteCrisis:
    'If you or someone else is in danger right now, please call or text 988, or call 911. We can still pass on your request: press Send request again.',
  sentTitle: 'Request sent',
  sentText: "Thank you, {name}. {center}'s admissions team will call you. Your reference number is {reference}.",
  savedTitle: 'Saved, and we will keep trying',
  savedText:
    'We could not reach our admissions team just now. Your request is saved on this device and will be sent automatically the next time you open a page of this site.',
  unsavedText: 'We could not reach our admissions team just now, and this browser cannot save your request for later. Please try again in a moment.',
  ratherCall: 'If you would rather not wait, call {phone}.',
  failed: '{message} Your details are still here.',
} as const;

export type FormStrings = { -readonly [K in keyof typeof FORM_STRINGS]: string };

/** The form's defaults under the chat's strings, which carry the site's overrides. */
export function formStrings(strings: ChatStrings): ChatStrings & FormStrings {
  return { ...FORM_STRINGS, ...strings };
}
