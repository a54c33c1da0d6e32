/**
 * The two ways to a person: call and request a callback. When the line is
 * closed the callback leads, since no one would answer the call.
 */
import type { ChatStrings } from '../strings.js';
import { fill } from '../strings.js';
import type { Actions } from './actions.js';
import { loadCallbackForm } from './callback-form-lazy.js';

/** Pointer or focus on the button is intent: the form's code starts downloading. */
const prefetch = () => void loadCallbackForm().catch(() => undefined);

export interface ReachProps {
  actions: Actions;
  strings: ChatStrings;
  closed: boolean;
  /** "reach" under the log, "handoff" inside a reply. */
  class: 'reach' | 'handoff';
}

export function Reach({ actions, strings, closed, class: className }: ReachProps) {
  const call = (
    <a class={closed ? 'button' : 'button primary'} href={actions.telHref} onClick={actions.onCall} key="call">
      {fill(strings.callPhone, { phone: actions.phone })}
    </a>
  );
  const callback = (
    <button type="button" class={closed ? 'button primary' : 'button'} onClick={actions.openCallback} onPointerEnter={prefetch} onFocus={prefetch} key="callback">
      {strings.requestCallback}
    </button>
  );
  return <div class={className}>{closed ? [callback, call] : [call, callback]}</div>;
}
