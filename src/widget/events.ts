/**
 * Events for the site's own analytics (`AdmissionsChat.on(name, handler)`).
 * The widget itself sends nothing anywhere: these stay in the page, and a
 * `question` event carries the visitor's words only if the site opted in.
 */

export interface WidgetEvents {
  open: Record<string, never>;
  close: Record<string, never>;
  question: { kind: 'answer' | 'fallback' | 'escalate' | 'crisis'; id: string | null; text?: string };
  call_click: Record<string, never>;
  callback_open: Record<string, never>;
  callback_submitted: { reference: number | null };
  crisis_shown: Record<string, never>;
}

export type EventName = keyof WidgetEvents;
export type Handler<E extends EventName = EventName> = (detail: WidgetEvents[E], name: E) => void;

export const EVENT_NAMES: readonly EventName[] = ['open', 'close', 'question', 'call_click', 'callback_open', 'callback_submitted', 'crisis_shown'];

/** A tiny emitter; a throwing handler is reported and never stops the widget or other handlers. */
export function createEvents() {
  const handlers = new Map<string, Set<Handler<never>>>();
  return {
    on(name: string, handler: unknown): void {
      if (!EVENT_NAMES.includes(name as EventName)) {
        console.warn(`admissions-chat: unknown event "${name}"; events are ${EVENT_NAMES.join(', ')}.`);
        return;
      }
      if (typeof handler !== 'function') return;
      if (!handlers.has(name)) handlers.set(name, new Set());
      handlers.get(name)!.add(handler as Handler<never>);
    },
    off(name: string, handler: unknown): void {
      handlers.get(name)?.delete(handler as Handler<never>);
    },
    emit<E extends EventName>(name: E, detail: WidgetEvents[E]): void {
      for (const handler of handlers.get(name) ?? []) {
        try {
          (handler as Handler<E>)(detail, name);
        } catch (error) {
          console.error(`admissions-chat: a "${name}" handler threw`, error);
        }
      }
    },
    clear(): void {
      handlers.clear();
    },
  };
}

export type Events = ReturnType<typeof createEvents>;
export type Emit = Events['emit'];
