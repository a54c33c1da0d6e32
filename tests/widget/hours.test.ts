import { describe, expect, it, vi } from 'vitest';
import { describeHours, hoursStatus, parseHours, zoneOrDefault, type Schedule } from '../../src/widget/hours.js';

function schedule(text: string): Schedule {
  const parsed = parseHours(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.schedule;
}

// 2026-11-23 is a Monday. New York is UTC-5 in November.
const at = (iso: string) => new Date(iso);
const NY = 'America/New_York';

describe('parseHours', () => {
  it('reads day ranges, single days and 24/7', () => {
    expect(schedule('24/7')).toBe('24/7');
    expect(schedule('Mon-Fri 08:00-20:00, Sat 09:00-13:00')).toHaveLength(6);
    expect(schedule('Fri-Mon 10:00-14:00')).toEqual([5, 6, 0, 1].map((day) => ({ day, from: 600, to: 840 })));
    expect(schedule('monday 8:30-17:00; Tuesday 8:30-17:00')).toEqual([
      { day: 1, from: 510, to: 1020 },
      { day: 2, from: 510, to: 1020 },
    ]);
  });

  it('says what is wrong with a line it cannot read', () => {
    expect(parseHours('weekdays 9-5')).toEqual({ ok: false, error: '"weekdays 9-5" is not like "Mon-Fri 08:00-20:00"' });
    expect(parseHours('Mon-Fri 20:00-08:00')).toMatchObject({ ok: false, error: expect.stringContaining('before its closing time') });
    expect(parseHours('Mon-Fry 08:00-20:00')).toMatchObject({ ok: false, error: expect.stringContaining('unknown day') });
    expect(parseHours('')).toMatchObject({ ok: false });
  });
});

describe('hoursStatus', () => {
  const week = schedule('Mon-Fri 08:00-20:00, Sat 09:00-13:00');

  it('is open inside the hours, in the center\'s time zone', () => {
    expect(hoursStatus(week, NY, at('2026-11-23T14:00:00Z'))).toEqual({ open: true }); // Mon 9:00 NY
    expect(hoursStatus(week, NY, at('2026-11-23T12:00:00Z'))).toEqual({ open: false, opens: 'today at 8:00 AM EST' }); // Mon 7:00
  });

  it('names the next opening: tomorrow, or a weekday', () => {
    expect(hoursStatus(week, NY, at('2026-11-24T02:00:00Z'))).toEqual({ open: false, opens: 'tomorrow at 8:00 AM EST' }); // Mon 21:00
    expect(hoursStatus(week, NY, at('2026-11-28T19:00:00Z'))).toEqual({ open: false, opens: 'on Monday at 8:00 AM EST' }); // Sat 14:00
    expect(hoursStatus(week, 'America/Los_Angeles', at('2026-11-28T19:00:00Z'))).toEqual({ open: true }); // Sat 11:00 LA
  });

  it('is always open 24/7', () => {
    expect(hoursStatus('24/7', NY, at('2026-11-29T08:00:00Z'))).toEqual({ open: true });
  });
});

describe('describeHours', () => {
  it('groups days with the same hours, Monday first, in the center\'s zone', () => {
    const now = new Date('2026-11-23T14:00:00Z');
    expect(describeHours(schedule('Mon-Fri 08:00-20:00, Sat 09:00-13:00'), NY, now)).toBe('Mon–Fri 8:00 AM–8:00 PM; Sat 9:00 AM–1:00 PM EST');
    expect(describeHours(schedule('Sun 12:00-16:00, Mon 08:00-12:00, Mon 13:00-17:00'), 'America/Chicago', now)).toBe('Mon 8:00 AM–12:00 PM, 1:00 PM–5:00 PM; Sun 12:00 PM–4:00 PM CST');
    expect(describeHours('24/7', NY, now)).toBe('24 hours a day, 7 days a week');
  });
});

describe('zoneOrDefault', () => {
  it('keeps a zone the browser knows, and warns and falls back on one it does not', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(zoneOrDefault('America/Denver', NY)).toBe('America/Denver');
    expect(zoneOrDefault('Mars/Base', NY)).toBe(NY);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
