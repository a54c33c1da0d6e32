/**
 * The conversation kept in sessionStorage, so it survives moving to another
 * page of the same site in the same tab and is gone when the tab closes.
 * Storage can be missing or throw (private modes, sandboxed frames, full
 * quota): then the widget simply forgets, it never fails.
 */
import type { Draft, Message, View } from './state.js';

const KEY = 'admissions-chat:session:v1';

/** What is kept between pages. */
export interface Session {
  open: boolean;
  view: View;
  messages: Message[];
  unanswered: number;
  crisisShown: boolean;
  draft?: Partial<Draft>;
}

/** A Web Storage area, or null where touching it throws (blocked storage, sandboxed frames). */
export function webStorage(area: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    return window[area];
  } catch {
    return null;
  }
}

const store = () => webStorage('sessionStorage');

/** The saved session, or null if there is none or it cannot be read. */
export function readSession(): Session | null {
  try {
    const raw = store()?.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Session>;
    if (!Array.isArray(s.messages)) return null;
    return {
      open: s.open === true,
      view: s.view === 'callback' ? 'callback' : 'chat',
      messages: s.messages,
      unanswered: typeof s.unanswered === 'number' ? s.unanswered : 0,
      crisisShown: s.crisisShown === true,
      draft: s.draft && typeof s.draft === 'object' ? s.draft : undefined,
    };
  } catch {
    return null;
  }
}

/** Saves the session; a full or missing store is ignored. */
export function writeSession(session: Session): void {
  try {
    store()?.setItem(KEY, JSON.stringify(session));
  } catch {
    /* forgetting is the safe failure */
  }
}

/** Forgets the conversation ("clear conversation"). */
export function clearSession(): void {
  try {
    store()?.removeItem(KEY);
  } catch {
    /* nothing to clear */
  }
}
