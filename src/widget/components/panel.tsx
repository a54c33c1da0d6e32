/**
 * The chat panel: a header with the call link always one tap away, the
 * conversation log, the two ways to reach a person, and the question box
 * (or the callback form in its place).
 */
import { useEffect, useRef } from 'preact/hooks';
import { CRISIS_ACTIONS } from '../../engine/index.js';
import type { WidgetConfig } from '../config.js';
import type { State } from '../state.js';
import type { Actions } from './actions.js';
import { CallbackForm } from './callback-form.js';
import { Composer } from './composer.js';
import { ReplyView } from './reply-view.js';

export interface PanelProps {
  state: State;
  config: WidgetConfig;
  actions: Actions;
  onClose(): void;
}

export function Panel({ state, config, actions, onClose }: PanelProps) {
  const log = useRef<HTMLDivElement>(null);
  const messages = state.messages.value;
  // Bring the latest question to the top, so its answer reads from its first line.
  useEffect(() => {
    const el = log.current;
    const asked = el?.querySelectorAll<HTMLElement>('.visitor');
    if (el && asked?.length) el.scrollTop = asked[asked.length - 1].offsetTop - 12;
  }, [messages.length]);

  return (
    <div
      class="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="ac-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header class="header">
        <div class="title">
          <h2 id="ac-title">{config.center}</h2>
          <p class="subtitle">Automated assistant · answers from our FAQ</p>
        </div>
        <a class="header-call" href={actions.telHref} onClick={actions.onCall} aria-label={`Call ${config.center} at ${config.phone}`}>
          Call
        </a>
        <button type="button" class="close" onClick={onClose} aria-label="Close chat">
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
          </svg>
        </button>
      </header>
      {state.crisisShown.value && (
        <div class="crisis-strip">
          Need help now? <a href={CRISIS_ACTIONS.call988.href}>Call</a> or <a href={CRISIS_ACTIONS.text988.href}>text 988</a> ·{' '}
          <a href={CRISIS_ACTIONS.call911.href}>911</a> in an emergency
        </div>
      )}
      {state.view.value === 'callback' ? (
        <div class="body">
          <CallbackForm
            center={config.center}
            phone={config.phone}
            telHref={actions.telHref}
            callbackUrl={config.callbackUrl}
            onDone={() => (state.view.value = 'chat')}
          />
        </div>
      ) : (
        <>
          <div class="body log" role="log" aria-live="polite" aria-label="Conversation" ref={log}>
            <p class="notice">
              I am an automated assistant for {config.center}, not monitored by staff. What you type stays on this device. In a crisis, call
              or text 988, or call 911 in an emergency.
            </p>
            <p class="msg bot">{config.greeting}</p>
            {messages.map((m) =>
              m.from === 'visitor' ? (
                <p class="msg visitor" key={m.id}>
                  {m.text}
                </p>
              ) : m.from === 'bot' ? (
                <ReplyView key={m.id} reply={m.reply} actions={actions} />
              ) : (
                <div class="msg bot notice-msg" key={m.id}>
                  <p>{m.text}</p>
                  <div class="handoff">
                    <a class="button primary" href={actions.telHref}>
                      Call {config.phone}
                    </a>
                    <button type="button" class="button" onClick={actions.openCallback}>
                      Request a callback
                    </button>
                  </div>
                </div>
              ),
            )}
            {state.loading.value && (
              <p class="msg bot typing" aria-label="Looking up an answer">
                …
              </p>
            )}
          </div>
          <div class="reach">
            <a class="button primary" href={actions.telHref} onClick={actions.onCall}>
              Call {config.phone}
            </a>
            <button type="button" class="button" onClick={actions.openCallback}>
              Request a callback
            </button>
          </div>
          <Composer onAsk={actions.ask} />
        </>
      )}
    </div>
  );
}
