/**
 * The chat panel: a header with the call link always one tap away, the
 * conversation log, the two ways to reach a person, and the question box
 * (or the callback form in its place). A dialog that leaves the page usable
 * on a desktop, and a modal one when it fills a phone's screen.
 */
import type { Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { CRISIS_ACTIONS } from '../../engine/index.js';
import type { PanelConfig } from '../config.js';
import { hoursStatus, type HoursStatus } from '../hours.js';
import type { State } from '../state.js';
import { fill } from '../strings.js';
import type { Actions } from './actions.js';
import type { CallbackFormProps } from './callback-form.js';
import { LazyCallbackForm } from './callback-form-lazy.js';
import { Composer } from './composer.js';
import { Reach } from './reach.js';
import { Chips, ReplyView } from './reply-view.js';

export interface PanelProps {
  state: State;
  config: PanelConfig;
  actions: Actions;
  /** True while the panel is full-screen: focus stays inside. */
  modal: Signal<boolean>;
  /** Delivery timing for the callback form (tests shorten it). */
  retry?: CallbackFormProps['retry'];
  onClose(): void;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** Keeps Tab and Shift+Tab cycling inside the panel. */
function trapTab(event: KeyboardEvent, panel: HTMLElement) {
  const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
  if (!items.length) return;
  const active = (panel.getRootNode() as ShadowRoot).activeElement;
  const first = items[0];
  const last = items[items.length - 1];
  if (event.shiftKey && (active === first || !panel.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !panel.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

function HoursLine({ status, config }: { status: HoursStatus | null; config: PanelConfig }) {
  if (!status) return null;
  const { strings } = config;
  const text = config.hours === '24/7' ? strings.open247 : status.open ? strings.openNow : fill(strings.closedNow, { when: status.opens });
  return <p class={`hours ${status.open ? 'is-open' : 'is-closed'}`}>{text}</p>;
}

export function Panel({ state, config, actions, modal, retry, onClose }: PanelProps) {
  const log = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const messages = state.messages.value;
  const { strings } = config;
  const hours = config.hours ? hoursStatus(config.hours, config.timeZone, new Date()) : null;
  const closed = hours ? !hours.open : false;
  // Bring the latest question to the top, so its answer reads from its first line.
  useEffect(() => {
    const el = log.current;
    const asked = el?.querySelectorAll<HTMLElement>('.visitor');
    if (el && asked?.length) el.scrollTop = asked[asked.length - 1].offsetTop - 12;
  }, [messages.length]);

  return (
    <div
      class="panel"
      ref={panel}
      role="dialog"
      aria-modal={modal.value ? 'true' : 'false'}
      aria-labelledby="ac-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        else if (e.key === 'Tab' && modal.value && panel.current) trapTab(e, panel.current);
      }}
    >
      <div class="header">
        <div class="title">
          <h2 id="ac-title">{config.center}</h2>
          <p class="subtitle">{strings.subtitle}</p>
        </div>
        <a class="header-call" href={actions.telHref} onClick={actions.onCall} aria-label={fill(strings.callLabel, { center: config.center, phone: config.phone })}>
          {strings.call}
        </a>
        <button type="button" class="close" onClick={onClose} aria-label={strings.close} />
      </div>
      {state.crisisShown.value && (
        <div class="crisis-strip">
          {strings.crisisStrip} <a href={CRISIS_ACTIONS.call988.href}>Call</a> or <a href={CRISIS_ACTIONS.text988.href}>text 988</a> ·{' '}
          <a href={CRISIS_ACTIONS.call911.href}>911</a> in an emergency
        </div>
      )}
      {state.view.value === 'callback' ? (
        <div class="body">
          <LazyCallbackForm config={config} actions={actions} draft={state.draft} hours={hours} retry={retry} onDone={() => (state.view.value = 'chat')} />
        </div>
      ) : (
        <>
          <div class="body log" role="log" aria-live="polite" aria-label={strings.conversation} ref={log}>
            <p class="notice">{fill(strings.intro, { center: config.center })}</p>
            <HoursLine status={hours} config={config} />
            <div class="msg bot">
              <p>{config.greeting}</p>
              {!messages.length && (
                <Chips items={config.suggestions.map((q) => ({ id: q, question: q }))} label={strings.suggestionsLabel} onPick={actions.ask} />
              )}
            </div>
            {messages.map((m) =>
              m.from === 'visitor' ? (
                <p class="msg visitor" key={m.id}>
                  {m.text}
                </p>
              ) : m.from === 'bot' ? (
                <ReplyView key={m.id} reply={m.reply} actions={actions} strings={strings} closed={closed} />
              ) : m.from === 'info' ? (
                <p class="msg bot" key={m.id}>
                  {m.text}
                </p>
              ) : (
                <div class="msg bot notice-msg" key={m.id}>
                  <p>{m.text}</p>
                  <Reach actions={actions} strings={strings} closed={closed} class="handoff" />
                </div>
              ),
            )}
            {state.loading.value && (
              <p class="msg bot typing" role="status" aria-label={strings.typing}>
                …
              </p>
            )}
            {messages.length > 0 && (
              <button type="button" class="clear" onClick={actions.clear}>
                {strings.clear}
              </button>
            )}
          </div>
          <Reach actions={actions} strings={strings} closed={closed} class="reach" />
          <Composer onAsk={actions.ask} strings={strings} />
        </>
      )}
    </div>
  );
}
