/**
 * The admissions line's business hours: parsed from the site's one-line
 * description ("Mon-Fri 08:00-20:00, Sat 09:00-13:00" or "24/7") and
 * judged in the center's time zone, not the visitor's, so "closed until
 * 8:00 AM EST" is true wherever the visitor is.
 */

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Open from `from` to `to` minutes after midnight on `day` (0 = Sunday). */
export interface Interval {
  day: number;
  from: number;
  to: number;
}

export type Schedule = '24/7' | Interval[];

export type ParsedHours = { ok: true; schedule: Schedule } | { ok: false; error: string };

/** Whether the line is open now, and if not, when it opens next (in words). */
export type HoursStatus = { open: true } | { open: false; opens: string };

function day(name: string): number {
  return DAYS.indexOf(name.slice(0, 3).toLowerCase() as (typeof DAYS)[number]);
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/**
 * Parses "Mon-Fri 08:00-20:00, Sat 09:00-13:00" (24-hour times; day
 * ranges may wrap, as in "Fri-Mon") or "24/7".
 */
export function parseHours(text: string): ParsedHours {
  const source = text.trim();
  if (/^24\s*\/\s*7$/.test(source)) return { ok: true, schedule: '24/7' };
  const intervals: Interval[] = [];
  for (const part of source.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z]{3,9})(?:\s*-\s*([a-z]{3,9}))?\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/i.exec(part);
    if (!m) return { ok: false, error: `"${part}" is not like "Mon-Fri 08:00-20:00"` };
    const first = day(m[1]);
    const last = m[2] ? day(m[2]) : first;
    const from = minutes(m[3]);
    const to = minutes(m[4]);
    if (first < 0 || last < 0) return { ok: false, error: `"${part}" names an unknown day` };
    if (from >= to || to > 24 * 60 || m[3].split(':')[1] > '59' || m[4].split(':')[1] > '59') {
      return { ok: false, error: `"${part}" needs an opening time before its closing time, within one day` };
    }
    for (let d = first; ; d = (d + 1) % 7) {
      intervals.push({ day: d, from, to });
      if (d === last) break;
    }
  }
  if (!intervals.length) return { ok: false, error: 'no opening hours given' };
  return { ok: true, schedule: intervals };
}

/** The time zone if this browser knows it, else the default, with a console warning. */
export function zoneOrDefault(timeZone: string, fallback: string): string {
  try {
    formatter(timeZone, false); // throws a RangeError for a zone this browser does not know
    return timeZone;
  } catch {
    console.warn(`admissions-chat: timeZone "${timeZone}" is not an IANA time zone; using ${fallback}.`);
    return fallback;
  }
}

// Building an Intl.DateTimeFormat costs far more than using one, and the
// panel asks on every render: one formatter per zone and purpose.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, zoneOnly: boolean): Intl.DateTimeFormat {
  const key = `${zoneOnly ? 'z' : 't'}:${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      'en-US',
      zoneOnly ? { timeZone, timeZoneName: 'short' } : { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    );
    formatters.set(key, f);
  }
  return f;
}

/** Day of week and minutes after midnight of `now` in `timeZone`. */
function localTime(now: Date, timeZone: string): { day: number; minute: number } {
  const parts = formatter(timeZone, false).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: day(get('weekday')), minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

function clock(minute: number): string {
  const h = Math.floor(minute / 60) % 24;
  const m = minute % 60;
  return `${h % 12 || 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

function zoneName(now: Date, timeZone: string): string {
  const parts = formatter(timeZone, true).formatToParts(now);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * Is the line open at `now`? If not, when does it open next, as
 * "today at 8:00 AM EST", "tomorrow at …" or "on Monday at …".
 */
export function hoursStatus(schedule: Schedule, timeZone: string, now: Date): HoursStatus {
  if (schedule === '24/7') return { open: true };
  const { day: today, minute } = localTime(now, timeZone);
  if (schedule.some((i) => i.day === today && i.from <= minute && minute < i.to)) return { open: true };
  // A non-empty schedule always opens again within a week (ahead = 7 is the same day next week).
  for (let ahead = 0; ahead <= 7; ahead++) {
    const d = (today + ahead) % 7;
    const starts = schedule.filter((i) => i.day === d && (ahead > 0 || i.from > minute)).map((i) => i.from);
    if (!starts.length) continue;
    const when = ahead === 0 ? 'today' : ahead === 1 ? 'tomorrow' : `on ${DAY_NAMES[d]}`;
    return { open: false, opens: `${when} at ${clock(Math.min(...starts))} ${zoneName(now, timeZone)}` };
  }
  return { open: false, opens: 'at the next opening time' };
}

const SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The schedule in words for the callback form: "Mon–Fri 8:00 AM–8:00 PM; Sat 9:00 AM–1:00 PM EST". */
export function describeHours(schedule: Schedule, timeZone: string, now: Date): string {
  if (schedule === '24/7') return '24 hours a day, 7 days a week';
  const groups: { first: number; last: number; text: string }[] = [];
  // Monday first, as people read a week.
  for (const d of [1, 2, 3, 4, 5, 6, 0]) {
    const text = schedule
      .filter((i) => i.day === d)
      .sort((a, b) => a.from - b.from)
      .map((i) => `${clock(i.from)}–${clock(i.to)}`)
      .join(', ');
    const last = groups[groups.length - 1];
    if (text && last && last.text === text && (last.last + 1) % 7 === d) last.last = d;
    else if (text) groups.push({ first: d, last: d, text });
  }
  const days = groups.map((g) => `${SHORT[g.first]}${g.last === g.first ? '' : `–${SHORT[g.last]}`} ${g.text}`);
  return `${days.join('; ')} ${zoneName(now, timeZone)}`;
}
