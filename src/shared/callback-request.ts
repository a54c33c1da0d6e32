/**
 * The callback request: the one message that leaves a visitor's browser.
 * Widget and receiver both compile this module, so what the form sends and
 * what the server accepts can never disagree. Plain TypeScript: no DOM, no
 * Node, no dependencies.
 */

export const BEST_TIMES = ['now', 'morning', 'afternoon', 'evening'] as const;
export const FOR_WHOM = ['self', 'loved-one'] as const;

export type BestTime = (typeof BEST_TIMES)[number];
export type ForWhom = (typeof FOR_WHOM)[number];

/** What the visitor agreed to, in the words they were shown, and when. */
export interface Consent {
  calls: true;
  texts: boolean;
  text: string;
  at: string;
}

/** A valid callback request, phone in E.164. */
export interface CallbackRequest {
  /** UUID made by the widget when the visitor presses send; the idempotency key. */
  requestId: string;
  firstName: string;
  phone: string;
  bestTime: BestTime;
  forWhom: ForWhom;
  consent: Consent;
}

/** Field path -> what is wrong with it, in a sentence a person can act on. */
export type FieldErrors = Record<string, string>;

export type Validation = { ok: true; value: CallbackRequest } | { ok: false; errors: FieldErrors };

export const LIMITS = { firstName: 60, consentText: 1000 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// Control characters and markup delimiters have no place in a name.
const UNSAFE_NAME = /[\u0000-\u001f\u007f<>{}]/;

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

/**
 * Checks an untrusted value against the schema: every problem is reported,
 * keyed by field path, so a form can show each next to its field.
 */
export function validateCallbackRequest(input: unknown): Validation {
  const errors: FieldErrors = {};
  if (!isRecord(input)) return { ok: false, errors: { body: 'Expected a JSON object.' } };
  const { requestId, firstName, phone, bestTime, forWhom, consent } = input;

  if (typeof requestId !== 'string' || !UUID.test(requestId)) errors.requestId = 'requestId must be a UUID.';

  const name = typeof firstName === 'string' ? firstName.trim() : '';
  if (typeof firstName !== 'string' || !name) errors.firstName = 'Please enter a first name.';
  else if (name.length > LIMITS.firstName) errors.firstName = `First name must be at most ${LIMITS.firstName} characters.`;
  else if (UNSAFE_NAME.test(name)) errors.firstName = 'First name contains characters that are not allowed.';

  const e164 = typeof phone === 'string' ? normalizePhone(phone) : null;
  if (!e164) errors.phone = 'Please enter a US phone number with area code, like (555) 555-0123.';

  if (!BEST_TIMES.includes(bestTime as BestTime)) errors.bestTime = `bestTime must be one of: ${BEST_TIMES.join(', ')}.`;
  if (!FOR_WHOM.includes(forWhom as ForWhom)) errors.forWhom = `forWhom must be one of: ${FOR_WHOM.join(', ')}.`;

  if (!isRecord(consent)) {
    errors.consent = 'Consent to be called is required.';
  } else {
    if (consent.calls !== true) errors['consent.calls'] = 'Consent to be called is required.';
    if (typeof consent.texts !== 'boolean') errors['consent.texts'] = 'consent.texts must be true or false.';
    if (typeof consent.text !== 'string' || !consent.text.trim()) errors['consent.text'] = 'The consent text shown must be sent.';
    else if (consent.text.length > LIMITS.consentText) errors['consent.text'] = `consent.text must be at most ${LIMITS.consentText} characters.`;
    if (typeof consent.at !== 'string' || Number.isNaN(Date.parse(consent.at))) errors['consent.at'] = 'consent.at must be an ISO date-time.';
  }

  if (Object.keys(errors).length) return { ok: false, errors };
  const c = consent as Record<string, unknown>;
  return {
    ok: true,
    value: {
      requestId: (requestId as string).toLowerCase(),
      firstName: name,
      phone: e164 as string,
      bestTime: bestTime as BestTime,
      forWhom: forWhom as ForWhom,
      consent: { calls: true, texts: c.texts as boolean, text: (c.text as string).trim(), at: new Date(c.at as string).toISOString() },
    },
  };
}
