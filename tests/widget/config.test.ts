import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_COLOR, DEFAULT_SUGGESTIONS, DEFAULT_Z_INDEX, readConfig } from '../../src/widget/config.js';

function script(attributes: Record<string, string>): HTMLScriptElement {
  const el = document.createElement('script');
  el.src = 'https://cdn.example.org/chat/admissions-chat.js';
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
}

afterEach(() => vi.restoreAllMocks());

describe('readConfig', () => {
  it('has a documented default for every option, and warns that the phone is the demo one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const c = readConfig(script({}), 'https://site.example/');
    expect(c).toMatchObject({
      center: 'Sunrise Recovery',
      phone: '(555) 010-0100',
      callbackUrl: 'https://cdn.example.org/api/callbacks',
      color: DEFAULT_COLOR,
      position: 'right',
      suggestions: DEFAULT_SUGGESTIONS,
      hours: null,
      timeZone: 'America/New_York',
      zIndex: DEFAULT_Z_INDEX,
      autoOpen: 0,
      eventText: false,
      strings: {},
      base: 'https://cdn.example.org/chat/',
    });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('data-phone'));
  });

  it('reads data-attributes over window.AdmissionsChatConfig', () => {
    const c = readConfig(
      script({ 'data-phone': '(555) 222-3333', 'data-color': '#ffcc00', 'data-suggestions': 'One? | Two?', 'data-hours': '24/7', 'data-z-index': '50' }),
      'https://site.example/',
      { center: 'Hillside', phone: '(555) 999-0000', position: 'left', autoOpen: 20, eventText: true, strings: { launcher: 'Chat', send: '' } },
    );
    expect(c).toMatchObject({ center: 'Hillside', phone: '(555) 222-3333', color: '#ffcc00', position: 'left', hours: '24/7', zIndex: 50, autoOpen: 20, eventText: true });
    expect(c.suggestions).toEqual(['One?', 'Two?']);
    expect(c.strings).toEqual({ launcher: 'Chat' });
  });

  it('falls back, with a warning naming the option, on values it cannot use', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const c = readConfig(script({ 'data-phone': '1', 'data-color': 'red;}*{display:none', 'data-hours': 'weekdays', 'data-time-zone': 'Mars/Base', 'data-z-index': 'high' }), 'https://site.example/');
    expect(c).toMatchObject({ color: DEFAULT_COLOR, hours: null, zIndex: DEFAULT_Z_INDEX });
    expect(warn.mock.calls.map((a) => String(a[0]).split(' ')[1]).sort()).toEqual(['color', 'hours', 'zIndex']);
  });
});
