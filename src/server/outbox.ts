/**
 * The worker that delivers notifications from the outbox table. Each notice
 * is tried until a channel accepts it, waiting twice as long after each
 * failure (up to a maximum); attempts and the next time are in the database,
 * so an outage or a restart delays a notification but never drops it.
 */
import type { Channel } from './notify.js';
import type { Store } from './store.js';

export interface Outbox {
  /** Delivers what is due now; call after storing a request. */
  kick(): void;
  /** Stops scheduling and waits for a delivery in flight. */
  stop(): Promise<void>;
}

export interface OutboxOptions {
  store: Store;
  channels: Channel[];
  retryBaseMs: number;
  retryMaxMs: number;
  log?: (line: string) => void;
  now?: () => Date;
}

const BATCH = 20;
// setTimeout's longest wait; a later notice is looked at again then.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Starts the worker; it delivers anything left over from before at once. */
export function startOutbox({ store, channels, retryBaseMs, retryMaxMs, log = console.error, now = () => new Date() }: OutboxOptions): Outbox {
  const byName = new Map(channels.map((c) => [c.name, c]));
  // Notices for a channel that is not configured now wait for it, untouched.
  const names = [...byName.keys()];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function deliver(notice: ReturnType<Store['due']>[number]): Promise<void> {
    try {
      await byName.get(notice.channel)!.send(notice.text);
      store.delivered(notice.id, now());
    } catch (error) {
      const wait = Math.min(retryMaxMs, retryBaseMs * 2 ** notice.attempts);
      const reason = error instanceof Error ? error.message : String(error);
      store.failed(notice.id, reason, new Date(now().getTime() + wait));
      log(`admissions-chat: ${notice.channel} notification ${notice.id} failed (attempt ${notice.attempts + 1}): ${reason}; next try in ${Math.round(wait / 1000)} s`);
    }
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      for (let batch = store.due(now(), names, BATCH); batch.length && !stopped; batch = store.due(now(), names, BATCH)) {
        for (const notice of batch) if (!stopped) await deliver(notice);
      }
    } while (again && !stopped);
    schedule();
  }

  function schedule(): void {
    clearTimeout(timer);
    const next = stopped ? null : store.nextDue(names);
    if (!next) return;
    timer = setTimeout(kick, Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - now().getTime())));
    timer.unref();
  }

  function kick(): void {
    if (stopped || !names.length) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = drain()
      .catch((error: unknown) => log(`admissions-chat: the notification worker failed: ${String(error)}`))
      .finally(() => {
        running = null;
      });
  }

  kick();
  return {
    kick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
