/**
 * The conversation as signals: what the panel shows and nothing else. The
 * engine decides replies; this only records them, the way @preact/signals
 * adapts a core to a view without logic of its own.
 */
import { signal } from '@preact/signals';
import type { Reply } from '../engine/index.js';

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

/** The widget's state. */
export function createState() {
  let next = 1;
  const state = {
    open: signal(false),
    view: signal<View>('chat'),
    messages: signal<Message[]>([]),
    /** The knowledge base is being fetched. */
    loading: signal(false),
    /** Questions in a row that went unanswered (fallback). */
    unanswered: signal(0),
    /** Crisis resources stay pinned once shown. */
    crisisShown: signal(false),
    push(message: NewMessage): void {
      state.messages.value = [...state.messages.value, { ...message, id: next++ }];
    },
  };
  return state;
}

export type State = ReturnType<typeof createState>;
