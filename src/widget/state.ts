/**
 * The conversation as signals: what the panel shows and nothing else. The
 * engine decides replies; this only records them, the way @preact/signals
 * adapts a core to a view without logic of its own.
 */
import { signal } from '@preact/signals';
import type { Reply } from '../engine/index.js';
import type { Session } from './storage.js';

/** One line in the conversation. */
export type Message =
  | { id: number; from: 'visitor'; text: string }
  | { id: number; from: 'bot'; reply: Reply }
  | { id: number; from: 'notice'; text: string };

/** A message before it gets its id. */
export type NewMessage =
  | { from: 'visitor'; text: string }
  | { from: 'bot'; reply: Reply }
  | { from: 'notice'; text: string };

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
    /** Crisis resources stay pinned once shown, even after "clear conversation". */
    crisisShown: signal(session?.crisisShown ?? false),
    push(message: NewMessage): void {
      state.messages.value = [...state.messages.value, { ...message, id: next++ }];
    },
    clear(): void {
      state.messages.value = [];
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
      };
    },
  };
  return state;
}

export type State = ReturnType<typeof createState>;
