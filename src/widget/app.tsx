/**
 * The lazily loaded part of the widget: mounts the Preact panel into the
 * shadow root the loader made, and answers questions with the engine. The
 * crisis check runs before the knowledge base is even fetched, so a visitor
 * in crisis is never kept waiting on the network.
 */
import { batch, effect } from '@preact/signals';
import { render } from 'preact';
import {
  addAnswers,
  answer,
  answerInSteps,
  answersFor,
  crisisReply,
  detectCrisis,
  missingAnswers,
  pendingAnswers,
  telHref,
  warmUp,
  withAnswer,
  type Knowledge,
  type Reply,
} from '../engine/index.js';
import type { App, MountOptions } from './loader.js';
import { afterPaint, inSlices, whenIdle, yieldToPage } from './idle.js';
import { knowledgeOf } from './knowledge.js';
import { answersOf } from './payload.js';
import { createState } from './state.js';
import { clearSession, readSession, writeSession } from './storage.js';
import { fill, withDefaults } from './strings.js';
import { DEFAULT_TIME_ZONE, type PanelConfig } from './config.js';
import { zoneOrDefault } from './hours.js';
import { createViewport } from './viewport.js';
import { hasSaved } from './outbox.js';
import { Panel } from './components/panel.js';
import type { Actions } from './components/actions.js';
import css from './styles/panel.css?inline';

/** Up to this many answers files left (8 answers each), all are fetched after the first answer. */
const PREFETCH_ALL = 16;

/** Mounts the panel; returns what the loader's API calls. */
export function mount({ root, launcher, config: widgetConfig, emit, payload, delivery }: MountOptions): App {
  const config: PanelConfig = {
    ...widgetConfig,
    strings: withDefaults(widgetConfig.strings),
    timeZone: widgetConfig.hours ? zoneOrDefault(widgetConfig.timeZone, DEFAULT_TIME_ZONE) : widgetConfig.timeZone,
  };
  const state = createState(readSession());
  // Kept once loaded, whoever asked for it first (an open, a question), so
  // that a reply can be made at once from then on.
  let loaded: Knowledge | null = null;
  // Until a question (the warm-up's or a visitor's) has gone all the way
  // through the engine, its code is cold.
  let cold = true;
  const onceLoaded = knowledgeOf(payload);
  const knowledge = () =>
    onceLoaded().then((k) => {
      if (loaded) return k;
      loaded = k;
      warm(); // the whole engine, while the visitor reads
      return k;
    });
  const answersFile = answersOf(config.base);
  const fetchAnswers = async (k: Knowledge, file: string) => addAnswers(k, file, await answersFile(file));
  let cancelPrefetch: (() => void) | undefined;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const container = document.createElement('div');
  container.className = 'container';
  root.append(container);
  const viewport = createViewport(container);
  const { strings } = config;

  const focusFirst = () => (root.querySelector<HTMLElement>('#ac-question') ?? root.querySelector<HTMLElement>('#ac-first-name') ?? root.querySelector<HTMLElement>('.close'))?.focus();
  const focusInput = () => requestAnimationFrame(focusFirst);

  const context = () => ({ center: config.center, phone: config.phone, unanswered: state.unanswered.value });

  /**
   * The reply from a loaded knowledge base: at once, unless its answer's file
   * is still to come, or the engine is cold (`sliced`) and runs a slice of
   * main thread at a time.
   */
  const replyFrom = (k: Knowledge, text: string, sliced: boolean): Reply | Promise<Reply> => {
    if (!sliced) return withFile(k, answer(k, text, context()));
    return inSlices(answerInSteps(k, text, context())).then((r) => {
      cold = false;
      return withFile(k, r);
    });
  };
  const withFile = (k: Knowledge, r: Reply): Reply | Promise<Reply> => {
    const file = missingAnswers(k, r);
    if (!file || r.kind !== 'answer') return r;
    return fetchAnswers(k, file).then(() => {
      // While the visitor reads, the next answers arrive: all of a small
      // knowledge base's, or those of the related questions of a large one.
      cancelPrefetch?.();
      cancelPrefetch = whenIdle(() => {
        const pending = pendingAnswers(k);
        const next = pending.length <= PREFETCH_ALL ? pending : answersFor(k, r.related.map((s) => s.id));
        for (const f of next) fetchAnswers(k, f).catch(() => undefined);
      });
      return withAnswer(k, r, context());
    });
  };

  /**
   * The reply to a question: a Reply when everything it needs is here (a
   * crisis always is), so that the question and its answer go on screen in
   * one render; a promise while the knowledge base or the answer's file is
   * on the way, or while the engine is cold (`sliced`).
   */
  const reply = (text: string, sliced: boolean): Reply | Promise<Reply> => {
    const crisis = detectCrisis(text);
    if (crisis) return crisisReply(crisis);
    if (loaded) return replyFrom(loaded, text, sliced);
    return knowledge().then((k) => replyFrom(k, text, sliced));
  };

  /** Crisis resources, once shown, stay pinned at the top of the panel. */
  const pinCrisis = () => {
    state.crisisShown.value = true;
    emit('crisis_shown', {});
  };
  const show = (question: string, r: Reply) => {
    state.push({ from: 'bot', reply: r });
    state.unanswered.value = r.kind === 'fallback' ? state.unanswered.value + 1 : 0;
    emit('question', { kind: r.kind, id: r.id, ...(config.eventText ? { text: question } : {}) });
    if (r.kind === 'crisis') pinCrisis();
  };
  const failed = (error: unknown) => {
    console.warn('admissions-chat: could not load answers', error);
    state.push({ from: 'notice', text: fill(strings.loadFailed, { center: config.center, phone: config.phone }) });
  };

  const ask = async (text: string) => {
    const question = text.trim();
    if (!question) return;
    const asked = () => {
      state.view.value = 'chat';
      state.push({ from: 'visitor', text: question });
    };
    // A question through the cold engine took over 50 ms on a slow phone,
    // drawing it included: until one has gone all the way through, the
    // question goes on screen first, and the engine runs a slice of main
    // thread at a time after it.
    const sliced = cold;
    if (sliced) {
      batch(() => {
        asked();
        state.loading.value = true;
      });
      await afterPaint();
      if (destroyed) return;
    }
    let r: Reply | Promise<Reply>;
    try {
      r = reply(question, sliced);
    } catch (error) {
      r = Promise.reject(error);
    }
    batch(() => {
      if (!sliced) asked();
      if (r instanceof Promise) state.loading.value = true;
      else {
        state.loading.value = false;
        show(question, r);
      }
    });
    if (r instanceof Promise) {
      try {
        show(question, await r);
      } catch (error) {
        failed(error);
      } finally {
        state.loading.value = false;
      }
    }
    warm();
  };

  // An opened panel is drawn hidden (the container inert), laid out in a
  // frame of its own and shown in the next: its first layout (fonts, text
  // shaping) and its first paint in one frame were a long task on a slow phone.
  const reveal = () => {
    if (!state.open.value || !container.hasAttribute('inert')) return;
    container.removeAttribute('inert');
    focusFirst();
  };
  /** Opens the panel; false if it was open already. */
  const open = () => {
    if (state.open.value) return false;
    state.open.value = true;
    launcher.setAttribute('aria-expanded', 'true');
    viewport.start();
    container.setAttribute('inert', '');
    draw();
    void afterPaint().then(reveal);
    emit('open', {});
    knowledge().catch(() => undefined); // warm up; errors surface on ask
    return true;
  };
  const close = () => {
    if (!state.open.value) return;
    state.open.value = false;
    launcher.setAttribute('aria-expanded', 'false');
    viewport.stop();
    draw();
    launcher.focus();
    emit('close', {});
  };

  const actions: Actions = {
    ask: (t) => void ask(t),
    openCallback: () => {
      state.view.value = 'callback';
      emit('callback_open', {});
      // The form focuses its first field when it mounts (its code may still be on the way).
    },
    onCall: () => emit('call_click', {}),
    onSent: (reference) => emit('callback_submitted', { reference }),
    onCrisis: (reply) => {
      state.push({ from: 'bot', reply });
      pinCrisis();
    },
    clear: () => {
      state.clear();
      clearSession();
      focusInput();
    },
    phone: config.phone,
    telHref: telHref(config.phone),
  };

  function draw() {
    render(
      state.open.value ? <Panel state={state} config={config} actions={actions} modal={viewport.modal} retry={delivery} onClose={close} /> : null,
      container,
    );
  }

  // Every change is saved for the next page of the site, in this tab only:
  // when the page is next idle, or at once when it goes away. Serialising
  // the conversation on every change (four per question) cost an answer
  // several milliseconds on a slow phone.
  let cancelSave: (() => void) | null = null;
  const save = () => {
    cancelSave = null;
    writeSession(state.snapshot());
  };
  const stopSaving = effect(() => {
    state.snapshot(); // subscribes to everything that is saved
    cancelSave ??= whenIdle(save, 1000);
  });
  const saveNow = () => {
    if (!cancelSave) return;
    cancelSave();
    save();
  };
  window.addEventListener('pagehide', saveNow);

  // Callback requests kept from an earlier page go out now, and again whenever
  // the connection returns. The sending code is fetched only then (the form
  // shares it): most visitors never have anything saved, and the first
  // answer should not carry it.
  const resend = async () => {
    if (!hasSaved()) return;
    const { flush } = await import('./delivery.js');
    for (const { id } of await flush(delivery?.timeoutMs)) {
      state.push({ from: 'info', text: fill(strings.deliveredLater, { reference: String(id) }) });
      // Show the good news, unless the visitor is typing a new request.
      if (state.view.value === 'callback' && !state.draft.value.firstName && !state.draft.value.phone) state.view.value = 'chat';
      emit('callback_submitted', { reference: id });
    }
  };
  void resend();
  window.addEventListener('online', resend);

  // The engine is compiled while the visitor reads or types, a step per idle
  // moment (warmUp), never while a question waits on the network (its answer
  // would then wait on this): the rules from the start, the whole engine once
  // the knowledge base is here.
  let warming: Iterator<void> | null = warmUp();
  let whole = false;
  let cancelWarmUp = (): void => undefined;
  const warm = () => {
    cancelWarmUp();
    if (!warming && loaded && !whole) {
      whole = true;
      warming = warmUp(loaded);
    }
    if (!warming) return;
    cancelWarmUp = whenIdle(() => {
      if (state.loading.value) return; // the question's end calls warm() again
      if (warming?.next().done) {
        warming = null;
        if (whole) cold = false;
      }
      warm();
    });
  };
  warm();

  // Questions from the site's script are asked in order; one that opens the
  // panel is asked in a task after the one that draws it, as the two together
  // would be a long task on a slow phone.
  let asking = Promise.resolve();

  let destroyed = false;
  return {
    open,
    close,
    toggle: () => (state.open.value ? close() : open()),
    ask: (text) => {
      const opened = open();
      asking = asking.then(() => (opened ? yieldToPage() : undefined)).then(() => void (destroyed || ask(text)));
    },
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      cancelPrefetch?.();
      cancelWarmUp();
      saveNow();
      stopSaving();
      window.removeEventListener('pagehide', saveNow);
      window.removeEventListener('online', resend);
      viewport.stop();
      render(null, container);
      container.remove();
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
