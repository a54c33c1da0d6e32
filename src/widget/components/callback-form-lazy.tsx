/**
 * The callback form as the panel shows it: its code (the form, the request
 * schema, delivery) is in chunks of its own, fetched when a visitor first
 * reaches for it (pointer or focus on "Request a callback", or opening it),
 * so the first answer never waits for it. A failed fetch says so plainly,
 * keeps the call link one tap away, and is tried again on the next press.
 */
import { useEffect, useState } from 'preact/hooks';
import { once } from '../payload.js';
import { fill } from '../strings.js';
import type { CallbackFormProps } from './callback-form.js';

type FormModule = typeof import('./callback-form.js');

/**
 * Fetches the form's chunk once, and the sending code it imports at the same
 * time rather than after it (a chunk of its own, which the app also loads to
 * re-send a saved request); a failure of either is forgotten.
 */
export const loadCallbackForm = once(
  (): Promise<FormModule> => Promise.all([import('./callback-form.js'), import('../delivery.js')]).then(([form]) => form),
);

export function LazyCallbackForm(props: CallbackFormProps) {
  const [form, setForm] = useState<FormModule | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setFailed(false);
    loadCallbackForm().then(
      (m) => live && setForm(m),
      (error: unknown) => {
        console.warn('admissions-chat: could not load the callback form', error);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const { config, actions } = props;
  const { strings } = config;
  if (form) return <form.CallbackForm {...props} />;
  if (!failed) {
    return (
      <p class="hint" role="status">
        {strings.formLoading}
      </p>
    );
  }
  return (
    <div class="callback" role="alert">
      <p class="hint">{fill(strings.formFailed, { center: config.center })}</p>
      <div class="form-actions">
        <a class="button primary" href={actions.telHref} onClick={actions.onCall}>
          {fill(strings.callPhone, { phone: config.phone })}
        </a>
        <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
          {strings.tryAgain}
        </button>
        <button type="button" class="button" onClick={props.onDone}>
          {strings.cancel}
        </button>
      </div>
    </div>
  );
}
