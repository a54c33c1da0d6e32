/**
 * Callback requests that could not be delivered yet, kept in localStorage
 * until the receiver acknowledges them (delivery.ts sends them). Apart from
 * delivery because the loader asks `hasSaved` on every page load and needs
 * none of the sending code.
 */
import type { CallbackRequest } from '../shared/index.js';
import { webStorage } from './storage.js';

const OUTBOX = 'admissions-chat:outbox:v1';
/** A saved request older than this is dropped: a month-old callback helps no one. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** A request kept for the next page load. */
export interface Saved {
  url: string;
  request: CallbackRequest;
  savedAt: number;
}

const storage = () => webStorage('localStorage');

/** Requests waiting for the next chance, oldest first. */
export function saved(now = Date.now()): Saved[] {
  try {
    const list = JSON.parse(storage()?.getItem(OUTBOX) ?? '[]') as Saved[];
    return Array.isArray(list) ? list.filter((s) => s && s.request && typeof s.url === 'string' && now - s.savedAt < MAX_AGE_MS) : [];
  } catch {
    return [];
  }
}

function write(list: Saved[]): boolean {
  try {
    const store = storage();
    if (!store) return false;
    if (list.length) store.setItem(OUTBOX, JSON.stringify(list));
    else store.removeItem(OUTBOX);
    return true;
  } catch {
    return false;
  }
}

/** Keeps a request for later; false if this browser cannot store it. */
export function save(url: string, request: CallbackRequest): boolean {
  const list = saved().filter((s) => s.request.requestId !== request.requestId);
  return write([...list, { url, request, savedAt: Date.now() }]);
}

/** Drops a request: delivered, or refused for good. */
export function forget(requestId: string): void {
  write(saved().filter((s) => s.request.requestId !== requestId));
}

/** Whether anything is waiting; cheap enough for every page load. */
export function hasSaved(): boolean {
  try {
    return Boolean(storage()?.getItem(OUTBOX));
  } catch {
    return false;
  }
}
