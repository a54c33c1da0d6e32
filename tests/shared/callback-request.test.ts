import { describe, expect, it } from 'vitest';
import { normalizePhone, validateCallbackRequest } from '../../src/shared/index.js';

const valid = {
  requestId: '3b241101-e2bb-4255-8caf-4136c566a962',
  firstName: '  Ana ',
  phone: '555-234-5678',
  bestTime: 'now',
  forWhom: 'self',
  consent: { calls: true, texts: true, text: 'I agree.', at: '2026-11-22T14:00:00-05:00' },
};

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
  it('accepts a complete request and normalises it', () => {
    const result = validateCallbackRequest(valid);
    expect(result).toEqual({
      ok: true,
      value: { ...valid, firstName: 'Ana', phone: '+15552345678', consent: { ...valid.consent, at: '2026-11-22T19:00:00.000Z' } },
    });
  });

  it('reports every wrong field at once', () => {
    const result = validateCallbackRequest({ requestId: 'nope', firstName: '', phone: 'x', bestTime: 'noon', forWhom: 'me', consent: { calls: 'yes' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(
        ['bestTime', 'consent.at', 'consent.calls', 'consent.text', 'consent.texts', 'firstName', 'forWhom', 'phone', 'requestId'].sort(),
      );
    }
  });

  it('refuses markup and control characters in a name', () => {
    for (const firstName of ['<script>alert(1)</script>', 'Ana\u0000', '{{center}}']) {
      const result = validateCallbackRequest({ ...valid, firstName });
      expect(result.ok).toBe(false);
    }
  });

  it('refuses anything that is not an object', () => {
    for (const input of [null, 'x', 1, [valid]]) expect(validateCallbackRequest(input).ok).toBe(false);
  });
});
