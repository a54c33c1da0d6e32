/**
 * The embed configuration, read in this one place: from a
 * `window.AdmissionsChatConfig` object set before the script, then from the
 * script tag's data-attributes (which win, being closest to the tag).
 * Anything left out or invalid falls back to a documented default, with a
 * console warning naming the option, so a typo never breaks the host page.
 */
import { DEMO_CENTER } from '../shared/index.js';
import { parseHours, type Schedule } from './hours.js';
import { pickStrings, type ChatStrings, type Strings } from './strings.js';

/** What a site owner configures. Every option is documented in the README. */
export interface WidgetConfig {
  /** Display name of the center (center / data-center). */
  center: string;
  /** Admissions phone as people read it (phone / data-phone). */
  phone: string;
  /** Where callback requests are POSTed (callbackUrl / data-callback-url; default /api/callbacks next to the script). */
  callbackUrl: string;
  /** Theme color, #rgb or #rrggbb (color / data-color). */
  color: string;
  /** Corner of the launcher (position / data-position). */
  position: 'right' | 'left';
  /** First line on open (greeting / data-greeting). */
  greeting: string;
  /** 3–4 questions offered on first open (suggestions / data-suggestions, "|"-separated). */
  suggestions: string[];
  /** Admissions line hours from "Mon-Fri 08:00-20:00, Sat 09:00-13:00" or "24/7"; null: not stated (hours / data-hours). */
  hours: Schedule | null;
  /** IANA time zone of the hours (timeZone / data-time-zone). */
  timeZone: string;
  /** z-index of the widget (zIndex / data-z-index). */
  zIndex: number;
  /** Seconds after page load to open on its own; 0 = never, the default (autoOpen / data-auto-open). */
  autoOpen: number;
  /** Whether `question` events carry the visitor's text (eventText / data-event-text); off by default. */
  eventText: boolean;
  /** The site's own wording for any of the widget's sentences (strings; object only); defaults fill the rest in the app. */
  strings: Partial<Strings>;
  /** The folder the script was loaded from: app chunk and index live there. */
  base: string;
}

/** The configuration with the chat's sentences filled in, as the panel uses it (the form fills in its own). */
export type PanelConfig = Omit<WidgetConfig, 'strings'> & { strings: ChatStrings };

export const DEFAULT_COLOR = '#0f5f6b';
export const DEFAULT_TIME_ZONE = 'America/New_York';
export const DEFAULT_Z_INDEX = 2147483000;
export const DEFAULT_SUGGESTIONS = [
  'What is an intensive outpatient program?',
  'How many hours a week is it?',
  'Do you take my insurance?',
  'Can I keep working during treatment?',
];

type Source = Record<string, unknown>;

function warn(option: string, problem: string): void {
  console.warn(`admissions-chat: ${option} ${problem}; using the default.`);
}

function text(source: Source, key: string): string | undefined {
  const v = source[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/**
 * Reads the configuration.
 *
 * @param script the `<script>` that loaded the widget, or null if it cannot be found
 * @param pageUrl the page's URL, the base for relative URLs when there is no script
 * @param global `window.AdmissionsChatConfig`, if the page set one
 */
export function readConfig(script: HTMLScriptElement | null, pageUrl: string, global?: unknown): WidgetConfig {
  const fromObject: Source = global && typeof global === 'object' ? (global as Source) : {};
  const data = script?.dataset ?? {};
  // data-attributes are strings; the object may hold richer types for the same names.
  const source: Source = { ...fromObject };
  for (const [k, v] of Object.entries(data)) if (v !== undefined) source[k] = v;

  const src = script?.src || pageUrl;
  const base = new URL('.', src).href;
  const center = text(source, 'center') ?? DEMO_CENTER.center;
  const phone = text(source, 'phone') ?? DEMO_CENTER.phone;
  if (!text(source, 'phone')) console.warn('admissions-chat: no phone is set; showing the demo number. Set data-phone on the script tag.');

  let color = text(source, 'color') ?? DEFAULT_COLOR;
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) {
    warn('color', `"${color}" is not a #rgb or #rrggbb color`);
    color = DEFAULT_COLOR;
  }

  let callbackUrl: string;
  try {
    callbackUrl = new URL(text(source, 'callbackUrl') ?? '/api/callbacks', src).href;
  } catch {
    warn('callbackUrl', 'is not a URL');
    callbackUrl = new URL('/api/callbacks', src).href;
  }

  const rawSuggestions = source.suggestions;
  const suggestions = (Array.isArray(rawSuggestions) ? rawSuggestions : typeof rawSuggestions === 'string' ? rawSuggestions.split('|') : DEFAULT_SUGGESTIONS)
    .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
    .map((s) => s.trim())
    .slice(0, 4);

  // Checked when the panel first needs it (hours.ts zoneOrDefault): the first
  // Intl.DateTimeFormat of a page costs tens of milliseconds, too much for every page load.
  const timeZone = text(source, 'timeZone') ?? DEFAULT_TIME_ZONE;

  let hours: Schedule | null = null;
  const hoursText = text(source, 'hours');
  if (hoursText) {
    const parsed = parseHours(hoursText);
    if (parsed.ok) hours = parsed.schedule;
    else warn('hours', `could not be read: ${parsed.error}`);
  }

  let zIndex = Number(source.zIndex ?? DEFAULT_Z_INDEX);
  if (!Number.isInteger(zIndex)) {
    warn('zIndex', `"${String(source.zIndex)}" is not a whole number`);
    zIndex = DEFAULT_Z_INDEX;
  }
  const autoOpen = Number(source.autoOpen ?? 0);
  const eventText = source.eventText === true || source.eventText === 'true';

  return {
    center,
    phone,
    callbackUrl,
    color,
    position: source.position === 'left' ? 'left' : 'right',
    greeting: text(source, 'greeting') ?? `Hi! I can answer questions about ${center}'s intensive outpatient program.`,
    suggestions,
    hours,
    timeZone,
    zIndex,
    autoOpen: Number.isFinite(autoOpen) && autoOpen > 0 ? autoOpen : 0,
    eventText,
    strings: pickStrings(fromObject.strings),
    base,
  };
}
