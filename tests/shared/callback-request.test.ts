import { describe, expect, it } from 'vitest';
import {
  BEST_TIME_LABELS,
  BEST_TIMES,
  INSURANCE,
  INSURANCE_LABELS,
  LANGUAGE_LABELS,
  LANGUAGES,
  LIMITS,
  normalizePhone,
  US_STATE_NAMES,
  US_STATES,
  validateCallbackRequest,
} from '../../src/shared/index.js';

const valid = {
  requestId: '3B241101-E2BB-4255-8CAF-4136C566A962',
  firstName: '  Ana ',
  phone: '555-234-5678',
  forWhom: 'self',
  bestTime: 'now',
  voicemail: false,
  consent: { calls: true, texts: true, text: 'I agree.', at: '2026-11-22T14:00:00-05:00' },
};

const full = {
  ...valid,
  insurance: 'medicaid',
  state: 'ny',
  language: 'spanish',
  note: 'Please ask for Ana.\nWeekdays only.',
  center: 'Sunrise Recovery',
  page: '/program.html',
};

function errorsOf(input: unknown): Record<string, string> {
  const result = validateCallbackRequest(input);
  return result.ok ? {} : result.errors;
}

describe('normalizePhone', () => {
  it('reads US numbers in every common format as E.164', () => {
    for (const input of ['(555) 234-5678', '555-234-5678', '555.234.5678', '5552345678', '+1 555 234 5678', '1-555-234-5678', '555 234 5678 ext. 12']) {
      expect(normalizePhone(input), input).toBe('+15552345678');
    }
  });

  it('refuses numbers that cannot be dialled in the US', () => {
    for (const input of ['234-5678', '(055) 234-5678', '555-034-5678', '+44 20 7946 0958', '555-234-56789', 'call me', '', '555-234-5678; DROP']) {
      expect(normalizePhone(input), input).toBeNull();
    }
  });
});

describe('validateCallbackRequest', () => {
  it('accepts the required fields and normalises them', () => {
    expect(validateCallbackRequest(valid)).toEqual({
      ok: true,
      value: {
        ...valid,
        requestId: valid.requestId.toLowerCase(),
        firstName: 'Ana',
        phone: '+15552345678',
        consent: { ...valid.consent, at: '2026-11-22T19:00:00.000Z' },
      },
    });
  });

  it('accepts every optional field, state in any case', () => {
    const result = validateCallbackRequest(full);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toMatchObject({
        insurance: 'medicaid',
        state: 'NY',
        language: 'spanish',
        note: 'Please ask for Ana.\nWeekdays only.',
        center: 'Sunrise Recovery',
        page: '/program.html',
      });
    }
  });

  it('treats an optional field left blank (null or "") as absent', () => {
    const result = validateCallbackRequest({ ...valid, insurance: '', state: null, language: '', note: '   ', center: null, page: '' });
    expect(result.ok).toBe(true);
    if (result.ok) for (const key of ['insurance', 'state', 'language', 'note', 'center', 'page']) expect(result.value).not.toHaveProperty(key);
  });

  it('reports every wrong field at once', () => {
    const errors = errorsOf({ requestId: 'nope', firstName: '', phone: 'x', bestTime: 'noon', forWhom: 'me', voicemail: 'yes', consent: { calls: 'yes' } });
    expect(Object.keys(errors).sort()).toEqual(
      ['bestTime', 'consent.at', 'consent.calls', 'consent.text', 'consent.texts', 'firstName', 'forWhom', 'phone', 'requestId', 'voicemail'].sort(),
    );
  });

  it('requires the voicemail choice', () => {
    const { voicemail: _, ...withoutVoicemail } = valid;
    expect(errorsOf(withoutVoicemail).voicemail).toMatch(/voicemail/);
  });

  it('refuses values outside the fixed lists', () => {
    const errors = errorsOf({ ...valid, insurance: 'Aetna 12345', state: 'ZZ', language: 'klingon' });
    expect(Object.keys(errors).sort()).toEqual(['insurance', 'language', 'state']);
    expect(errors.state).toMatch(/like CA or NY/);
  });

  it('refuses fields it does not know, health details above all, each by name', () => {
    const errors = errorsOf({ ...valid, diagnosis: 'x', substances: ['x'], dob: '1990-01-01', memberId: '123', consent: { ...valid.consent, version: 2 } });
    expect(Object.keys(errors).sort()).toEqual(['consent.version', 'diagnosis', 'dob', 'memberId', 'substances']);
    expect(errors.diagnosis).toMatch(/not a field/);
  });

  it('refuses markup, template braces and control characters in every text field', () => {
    const bad = ['<script>alert(1)</script>', 'Ana\u0000', '{{center}}', 'a\u202eb', '<img src=x onerror=alert(1)>'];
    for (const field of ['firstName', 'note', 'center'] as const) {
      for (const value of bad) expect(errorsOf({ ...valid, [field]: value })[field], `${field}: ${value}`).toMatch(/not allowed/);
    }
    for (const value of bad) expect(errorsOf({ ...valid, consent: { ...valid.consent, text: value } })['consent.text']).toMatch(/not allowed/);
    expect(errorsOf({ ...valid, firstName: 'Ana\nBeth' }).firstName).toMatch(/not allowed/);
  });

  it('limits the note to 200 characters', () => {
    expect(LIMITS.note).toBe(200);
    expect(validateCallbackRequest({ ...valid, note: 'x'.repeat(200) }).ok).toBe(true);
    expect(errorsOf({ ...valid, note: 'x'.repeat(201) }).note).toMatch(/at most 200/);
  });

  it('takes a page as a bare path, never a query string', () => {
    for (const page of ['https://example.org/', 'program.html', '/p?email=a@b.c', '/p#x', '/a b', '/<x>']) {
      expect(errorsOf({ ...valid, page }).page, page).toMatch(/URL path/);
    }
  });

  it('wants the consent time as an ISO date-time', () => {
    for (const at of ['later', 'Nov 22 2026', '2026-11-22', 1764000000000]) {
      expect(errorsOf({ ...valid, consent: { ...valid.consent, at } })['consent.at'], String(at)).toMatch(/ISO/);
    }
  });

  it('refuses anything that is not an object', () => {
    for (const input of [null, 'x', 1, [valid]]) expect(validateCallbackRequest(input).ok).toBe(false);
  });
});

describe('the lists a form renders', () => {
  it('has words for every choice', () => {
    expect(Object.keys(BEST_TIME_LABELS)).toEqual([...BEST_TIMES]);
    expect(Object.keys(INSURANCE_LABELS)).toEqual([...INSURANCE]);
    expect(Object.keys(LANGUAGE_LABELS)).toEqual([...LANGUAGES]);
    expect(Object.keys(US_STATE_NAMES).sort()).toEqual([...US_STATES].sort());
    expect(US_STATES).toHaveLength(56);
  });
});
