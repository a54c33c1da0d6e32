import type { CrisisReply } from '../../engine/index.js';

/** What any part of the panel can do: ask, call, open the callback form, clear. */
export interface Actions {
  ask(text: string): void;
  openCallback(): void;
  /** The visitor tapped a link to call the admissions line. */
  onCall(): void;
  /** A callback request was accepted; `reference` is the receiver's number for it. */
  onSent(reference: number | null): void;
  clear(): void;
  /** The callback form's note reads as a crisis: show and pin the crisis resources. */
  onCrisis(reply: CrisisReply): void;
  phone: string;
  telHref: string;
}
