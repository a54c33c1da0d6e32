/**
 * The conversation as signals: what the panel shows and nothing else. The
 * engine decides replies; this only records them, the way @preact/signals
 * adapts a core to a view without logic of its own.
 */
import { signal } from '@preact/signals';
import type { Reply } from '../engine/index.js';
import type { BestTime, ForWhom } from '../shared/index.js';
import type { Session } from './storage.js';

/** One line in the conversation. */
export type Message =
  | { id: number; from: 'visitor'; text: string }
  | { id: number; from: 'bot'; reply: Reply }
  | { id: number; from: 'notice'; text: string }
  | { id: number; from: 'info'; text: string };

/** A message before it gets its id. */
export type NewMessage =
  | { from: 'visitor'; text: string }
  | { from: 'bot'; reply: Reply }
  | { from: 'notice'; text: string }
  | { from: 'info'; text: string };

/** What the visitor has typed into the callback form so far. */
export interface Draft {
  /** Set at the first press of send and kept through retries: the idempotency key. */
  requestId?: string;
  firstName: string;
  phone: string;
  forWhom: ForWhom;
  bestTime: BestTime;
  voicemail: boolean;
  insurance: string;
  state: string;
  language: string;
  note: string;
  consentCalls: boolean;
  consentTexts: boolean;
}

export const EMPTY_DRAFT: Draft = {
  firstName: '',
  phone: '',
  forWhom: 'self',
  bestTime: 'now',
  voicemail: false,
  insurance: '',
  state: '',
  language: '',
  note: '',
  consentCalls: false,
  consentTexts: false,
};

/** Which view fills the panel body. */
export type View = 'chat' | 'callback';

/**
 * The widget's state, continuing a saved session if there is one. It
 * starts closed either way: opening is an action with effects (focus,
 * events, the phone layout), which the loader replays.
 */
export function createState(session: Session | null = null) {
  let next = Math.max(0, ...(session?.messages ?? []).map((m) => m.id)) + 1;
  const state = {
    open: signal(false),
    view: signal<View>(session?.view ?? 'chat'),
    messages: signal<Message[]>(session?.messages ?? []),
    /** The knowledge base is being fetched. */
    loading: signal(false),
    /** Questions in a row that went unanswered (fallback). */
    unanswered: signal(session?.unanswered ?? 0),
    /** The callback form's fields, kept while the visitor looks elsewhere. */
    draft: signal<Draft>({ ...EMPTY_DRAFT, ...session?.draft }),
    /** Crisis resources stay pinned once shown, even after "clear conversation". */
    crisisShown: signal(session?.crisisShown ?? false),
    push(message: NewMessage): void {
      state.messages.value = [...state.messages.value, { ...message, id: next++ }];
    },
    clear(): void {
      state.messages.value = [];
      state.draft.value = { ...EMPTY_DRAFT };
      state.unanswered.value = 0;
      state.view.value = 'chat';
    },
    /** What is saved between pages (reads every signal, so an effect re-runs on any change). */
    snapshot(): Session {
      return {
        open: state.open.value,
        view: state.view.value,
        messages: state.messages.value,
        unanswered: state.unanswered.value,
        crisisShown: state.crisisShown.value,
        draft: state.draft.value,
      };
    },
  };
  return state;
}

export type State = ReturnType<typeof createState>;
