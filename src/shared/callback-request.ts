/**
 * The callback request: the one message that leaves a visitor's browser.
 * Widget and receiver both compile this module, so what the form sends and
 * what the server accepts can never disagree. Plain TypeScript: no DOM, no
 * Node, no dependencies.
 *
 * It holds the minimum an admissions team needs to call back (research
 * domain.md §4.2) and nothing more: no diagnosis, substance, history, date of
 * birth, member id or the loved one's identity. Unknown fields are refused
 * rather than dropped, so a form that starts asking for more fails loudly.
 */

export const BEST_TIMES = ['now', 'morning', 'afternoon', 'evening'] as const;
export const FOR_WHOM = ['self', 'loved-one'] as const;
/** Kinds of coverage, never a carrier's member id. */
export const INSURANCE = ['private', 'medicaid', 'medicare', 'tricare', 'self-pay', 'not-sure'] as const;
export const LANGUAGES = ['english', 'spanish', 'other'] as const;
/** States, DC and the inhabited territories, by USPS code. */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME',
  'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI',
  'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'AS', 'GU', 'MP', 'PR', 'VI',
] as const;

export type BestTime = (typeof BEST_TIMES)[number];
export type ForWhom = (typeof FOR_WHOM)[number];
export type Insurance = (typeof INSURANCE)[number];
export type Language = (typeof LANGUAGES)[number];
export type UsState = (typeof US_STATES)[number];

/** Words for each choice, shared so the form and the inbox say the same thing. */
export const BEST_TIME_LABELS: Record<BestTime, string> = {
  now: 'As soon as possible',
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
};
export const INSURANCE_LABELS: Record<Insurance, string> = {
  private: 'Private or through an employer',
  medicaid: 'Medicaid',
  medicare: 'Medicare',
  tricare: 'TRICARE or military',
  'self-pay': 'None / paying myself',
  'not-sure': 'Not sure',
};
export const LANGUAGE_LABELS: Record<Language, string> = { english: 'English', spanish: 'Español', other: 'Other' };
export const US_STATE_NAMES: Record<UsState, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  AS: 'American Samoa', GU: 'Guam', MP: 'Northern Mariana Islands', PR: 'Puerto Rico', VI: 'U.S. Virgin Islands',
};

/** What the visitor agreed to, in the words they were shown, and when. */
export interface Consent {
  calls: true;
  texts: boolean;
  text: string;
  at: string;
}

/** A valid callback request, phone in E.164. Optional fields are absent, never null. */
export interface CallbackRequest {
  /** UUID made by the widget when the visitor presses send; the idempotency key. */
  requestId: string;
  firstName: string;
  phone: string;
  forWhom: ForWhom;
  bestTime: BestTime;
  /** May the team leave a voicemail? The center's name alone can disclose treatment-seeking. */
  voicemail: boolean;
  insurance?: Insurance;
  state?: UsState;
  language?: Language;
  note?: string;
  consent: Consent;
  /** The center's name as the widget showed it (one receiver may serve several sites). */
  center?: string;
  /** The path of the page the form was sent from, without query or fragment. */
  page?: string;
}

/** Field path -> what is wrong with it, in a sentence a person can act on. */
export type FieldErrors = Record<string, string>;

export type Validation = { ok: true; value: CallbackRequest } | { ok: false; errors: FieldErrors };

export const LIMITS = { firstName: 60, note: 200, consentText: 1000, center: 100, page: 300 } as const;

const FIELDS = [
  'requestId', 'firstName', 'phone', 'forWhom', 'bestTime', 'voicemail', 'insurance', 'state', 'language', 'note', 'consent', 'center', 'page',
];
const CONSENT_FIELDS = ['calls', 'texts', 'text', 'at'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
// Control characters, markup or template delimiters and bidi overrides have
// no place in what a visitor types here: the text ends up in an HTML inbox,
// in templates, and in front of a person who must read it as written.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069<>{}]/;
// A textarea gives line breaks; they are the one control character a note may hold.
const UNSAFE_NOTE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069<>{}]/;
const PAGE = /^\/[^\s?#<>{}"'\\\u0000-\u001f\u007f]*$/;

/**
 * A US phone number in any common format as E.164 (+1XXXXXXXXXX), or null.
 * North American numbers: 10 digits, area code and exchange not starting 0/1.
 */
export function normalizePhone(input: string): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  if (/[^\d\s().+\-–]/.test(input.replace(/\s*(?:x|ext\.?)\s*\d+$/i, ''))) return null;
  let digits = input.replace(/\s*(?:x|ext\.?)\s*\d+$/i, '').replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10 || !/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return null;
  return `+1${digits}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An optional field left empty: a form's blank choice may arrive as null or "". */
function absent(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && !v.trim());
}

/** Reports fields the schema does not know, under their own path. */
function unknownFields(input: Record<string, unknown>, known: string[], prefix: string, errors: FieldErrors): void {
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) errors[prefix + key] = `${prefix + key} is not a field of a callback request; leave it out.`;
  }
}

/**
 * Checks a free-text field; returns the trimmed text, or records why not.
 * `label` starts the message, e.g. "First name".
 */
function text(value: unknown, field: string, label: string, max: number, unsafe: RegExp, errors: FieldErrors): string {
  if (typeof value !== 'string') {
    errors[field] = `${label} must be text.`;
    return '';
  }
  const trimmed = value.trim();
  if (trimmed.length > max) errors[field] = `${label} must be at most ${max} characters.`;
  else if (unsafe.test(trimmed)) errors[field] = `${label} contains characters that are not allowed (such as < > { } or control characters).`;
  return trimmed;
}

function oneOf<T extends string>(value: unknown, list: readonly T[], field: string, errors: FieldErrors): T {
  if (!list.includes(value as T)) errors[field] = `${field} must be one of: ${list.join(', ')}.`;
  return value as T;
}

/**
 * Checks an untrusted value against the schema: every problem is reported,
 * keyed by field path, so a form can show each next to its field.
 */
export function validateCallbackRequest(input: unknown): Validation {
  const errors: FieldErrors = {};
  if (!isRecord(input)) return { ok: false, errors: { body: 'Expected a JSON object.' } };
  unknownFields(input, FIELDS, '', errors);
  const { requestId, firstName, phone, forWhom, bestTime, voicemail, insurance, state, language, note, consent, center, page } = input;

  if (typeof requestId !== 'string' || !UUID.test(requestId)) errors.requestId = 'requestId must be a UUID.';

  let name = '';
  if (absent(firstName)) errors.firstName = 'Please enter a first name.';
  else name = text(firstName, 'firstName', 'First name', LIMITS.firstName, UNSAFE_TEXT, errors);

  const e164 = typeof phone === 'string' ? normalizePhone(phone) : null;
  if (!e164) errors.phone = 'Please enter a US phone number with area code, like (555) 555-0123.';

  const value: CallbackRequest = {
    requestId: typeof requestId === 'string' ? requestId.toLowerCase() : '',
    firstName: name,
    phone: e164 ?? '',
    forWhom: oneOf(forWhom, FOR_WHOM, 'forWhom', errors),
    bestTime: oneOf(bestTime, BEST_TIMES, 'bestTime', errors),
    voicemail: voicemail === true,
    consent: { calls: true, texts: false, text: '', at: '' },
  };
  if (typeof voicemail !== 'boolean') errors.voicemail = 'Please say whether we may leave a voicemail (true or false).';

  if (!absent(insurance)) value.insurance = oneOf(insurance, INSURANCE, 'insurance', errors);
  if (!absent(state)) {
    const code = (typeof state === 'string' ? state.trim().toUpperCase() : '') as UsState;
    if (US_STATES.includes(code)) value.state = code;
    else errors.state = 'state must be a US state or territory code, like CA or NY.';
  }
  if (!absent(language)) value.language = oneOf(language, LANGUAGES, 'language', errors);
  if (!absent(note)) value.note = text(note, 'note', 'The note', LIMITS.note, UNSAFE_NOTE, errors);
  if (!absent(center)) value.center = text(center, 'center', 'center', LIMITS.center, UNSAFE_TEXT, errors);
  if (!absent(page)) {
    if (typeof page !== 'string' || page.length > LIMITS.page || !PAGE.test(page)) {
      errors.page = `page must be a URL path like /admissions.html, without ? or #, at most ${LIMITS.page} characters.`;
    } else value.page = page;
  }

  if (!isRecord(consent)) {
    errors.consent = 'Consent to be called is required.';
  } else {
    unknownFields(consent, CONSENT_FIELDS, 'consent.', errors);
    if (consent.calls !== true) errors['consent.calls'] = 'Consent to be called is required.';
    if (typeof consent.texts !== 'boolean') errors['consent.texts'] = 'consent.texts must be true or false.';
    if (absent(consent.text)) errors['consent.text'] = 'The consent text shown must be sent.';
    else value.consent.text = text(consent.text, 'consent.text', 'consent.text', LIMITS.consentText, UNSAFE_TEXT, errors);
    const at = typeof consent.at === 'string' && ISO_TIME.test(consent.at) ? Date.parse(consent.at) : NaN;
    if (Number.isNaN(at)) errors['consent.at'] = 'consent.at must be an ISO date-time, like 2026-11-22T14:00:00Z.';
    else value.consent.at = new Date(at).toISOString();
    value.consent.texts = consent.texts === true;
  }

  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}
