/**
 * The callback request form (../shared/research/domain.md section 4.2):
 * only what an admissions team needs to call back, never health details.
 * Call consent is unchecked by default and required; text consent is
 * separate and optional; both sentences are sent word for word with the
 * time. What the visitor typed lives in the conversation's state, so it
 * survives every error, a trip back to the chat, and a new page.
 */
import type { Signal } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { crisisReply, detectCrisis, type CrisisReply } from '../../engine/index.js';
import {
  BEST_TIME_LABELS,
  BEST_TIMES,
  INSURANCE,
  INSURANCE_LABELS,
  LANGUAGE_LABELS,
  LANGUAGES,
  LIMITS,
  US_STATE_NAMES,
  US_STATES,
  validateCallbackRequest,
  type BestTime,
  type FieldErrors,
} from '../../shared/index.js';
import type { PanelConfig } from '../config.js';
import { deliver } from '../delivery.js';
import { describeHours, type HoursStatus } from '../hours.js';
import { EMPTY_DRAFT, type Draft } from '../state.js';
import { formStrings } from '../form-strings.js';
import { fill } from '../strings.js';
import type { Actions } from './actions.js';
import { CrisisActions } from './reply-view.js';

/** Less than this from opening the form to pressing send is faster than a person fills it in. */
export const MIN_FILL_MS = 3000;

type Status =
  | { kind: 'editing' }
  | { kind: 'sending'; retrying: boolean }
  | { kind: 'sent'; reference: number; name: string }
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'failed'; message: string }
  | { kind: 'check'; message: string }
  | { kind: 'crisis'; actions: CrisisReply['actions'] };

export interface CallbackFormProps {
  config: PanelConfig;
  actions: Actions;
  draft: Signal<Draft>;
  hours: HoursStatus | null;
  /** Options for delivery (tests shorten the waits). */
  retry?: Parameters<typeof deliver>[2];
  onDone(): void;
}

/** The two consent sentences, as shown beside their boxes. */
function consents(config: PanelConfig, strings = formStrings(config.strings)): { calls: string; texts: string } {
  const values = { center: config.center, phone: config.phone };
  return { calls: fill(strings.consentCalls, values), texts: fill(strings.consentTexts, values) };
}

/** The consent as sent: exactly the sentences whose boxes were checked. */
export function consentText(config: PanelConfig, texts: boolean): string {
  const shown = consents(config);
  return texts ? `${shown.calls} ${shown.texts}` : shown.calls;
}

/** An optional choice from a fixed list, blank meaning "prefer not to say". */
function OptionalChoice<T extends string>(props: { id: string; label: string; none: string; value: string; options: readonly T[]; labels: Record<T, string>; onChange(value: string): void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{props.none}</option>
        {props.options.map((v) => (
          <option value={v} key={v}>
            {props.labels[v]}
          </option>
        ))}
      </select>
    </div>
  );
}

const id = (field: string) => `ac-error-${field.replace('.', '-')}`;

export function CallbackForm({ config, actions, draft, hours, retry, onDone }: CallbackFormProps) {
  // The form's sentences under the site's overrides: once per form, not on every keystroke.
  const strings = useMemo(() => formStrings(config.strings), [config.strings]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'editing' });
  const opened = useRef(Date.now());
  const trap = useRef<HTMLInputElement>(null);
  // A crisis in the note is shown once; the next press sends anyway.
  const crisisSeen = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  // Opening the form puts the cursor in its first field.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('#ac-first-name')?.focus();
  }, []);
  // After a refused send, focus goes to the first field to fix, so keyboard and screen reader users land on it.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const d = draft.value;
  const shown = useMemo(() => consents(config, strings), [config, strings]);
  // Formatting the schedule builds Intl formatters: once per form, not on every keystroke.
  const hoursHint = useMemo(
    () => config.hours && fill(strings.hoursHint, { hours: describeHours(config.hours, config.timeZone, new Date()) }),
    [config],
  );
  const set = (patch: Partial<Draft>) => (draft.value = { ...draft.value, ...patch });
  const call = (
    <a href={actions.telHref} onClick={actions.onCall}>
      {config.phone}
    </a>
  );
  // The phone number in the sentence is a link: split the template around its slot.
  const ratherCall = <p>{strings.ratherCall.split('{phone}').flatMap((part, i) => (i ? [call, part] : [part]))}</p>;

  if (status.kind === 'sent' || status.kind === 'saved') {
    return (
      <div class={`callback ${status.kind}`} role="status">
        <h3>{status.kind === 'sent' ? strings.sentTitle : strings.savedTitle}</h3>
        <p>
          {status.kind === 'sent'
            ? fill(strings.sentText, { name: status.name, center: config.center, reference: String(status.reference) })
            : strings.savedText}
        </p>
        {ratherCall}
        <button type="button" class="button" onClick={onDone}>
          {strings.cancel}
        </button>
      </div>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    if (status.kind === 'sending') return;
    // Spam resistance without third parties: a field people never see, and a
    // minimum fill time (checked after the fields, so a person sees real errors first).
    if (trap.current?.value) {
      setStatus({ kind: 'check', message: fill(strings.automated, { phone: config.phone }) });
      return;
    }
    const request = {
      requestId: d.requestId ?? crypto.randomUUID(),
      firstName: d.firstName,
      phone: d.phone,
      forWhom: d.forWhom,
      bestTime: d.bestTime,
      voicemail: d.voicemail,
      insurance: d.insurance || undefined,
      state: d.state || undefined,
      language: d.language || undefined,
      note: d.note.trim() || undefined,
      consent: { calls: d.consentCalls, texts: d.consentTexts, text: consentText(config, d.consentTexts), at: new Date().toISOString() },
      center: config.center,
      page: location.pathname.slice(0, LIMITS.page),
    };
    let checked = validateCallbackRequest(request);
    // The page path is context for the team, never a reason to refuse a visitor's request.
    if (!checked.ok && checked.errors.page) checked = validateCallbackRequest({ ...request, page: undefined });
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus({ kind: 'editing' });
      return;
    }
    const crisis = d.note.trim() ? detectCrisis(d.note) : null;
    if (crisis && !crisisSeen.current) {
      crisisSeen.current = true;
      const reply = crisisReply(crisis);
      actions.onCrisis(reply);
      setStatus({ kind: 'crisis', actions: reply.actions });
      return;
    }
    if (Date.now() - opened.current < MIN_FILL_MS) {
      opened.current = 0; // the next press is a person's second look, not a bot's first
      setStatus({ kind: 'check', message: strings.tooFast });
      return;
    }
    // The idempotency key is fixed at the first press: pressing again after a failure is the same request.
    set({ requestId: request.requestId });
    setErrors({});
    setStatus({ kind: 'sending', retrying: false });
    const result = await deliver(config.callbackUrl, checked.value, { ...retry, onRetry: () => setStatus({ kind: 'sending', retrying: true }) });
    if (result.kind === 'sent' || result.kind === 'saved') {
      // Delivered or safely kept: the next request starts from a clean form.
      draft.value = { ...EMPTY_DRAFT };
      if (result.kind === 'sent') {
        setStatus({ kind: 'sent', reference: result.id, name: checked.value.firstName });
        actions.onSent(result.id);
      } else setStatus({ kind: 'saved' });
    }
    else if (result.kind === 'unsaved') setStatus({ kind: 'unsaved' });
    else {
      setErrors(result.fields ?? {});
      set({ requestId: undefined }); // a corrected request is a new one
      setStatus({ kind: 'failed', message: result.message });
    }
  };

  const error = (field: string) =>
    errors[field] ? (
      <p class="field-error" id={id(field)}>
        {errors[field]}
      </p>
    ) : null;
  const invalid = (field: string) => (errors[field] ? { 'aria-invalid': 'true' as const, 'aria-describedby': id(field) } : {});
  const consentError = errors['consent.calls'] ? 'consent.calls' : 'consent';
  const sending = status.kind === 'sending';

  return (
    <form class="callback" ref={form} onSubmit={submit} noValidate aria-busy={sending ? 'true' : undefined}>
      <h3>{strings.callbackTitle}</h3>
      <p class="hint">{strings.callbackHint}</p>
      <div class="field">
        <label for="ac-first-name">{strings.firstName}</label>
        <input id="ac-first-name" autoComplete="given-name" value={d.firstName} onInput={(e) => set({ firstName: e.currentTarget.value })} maxLength={LIMITS.firstName} {...invalid('firstName')} />
        {error('firstName')}
      </div>
      <div class="field">
        <label for="ac-phone">{strings.phone}</label>
        <input id="ac-phone" type="tel" autoComplete="tel" inputMode="tel" value={d.phone} onInput={(e) => set({ phone: e.currentTarget.value })} maxLength={40} {...invalid('phone')} />
        {error('phone')}
      </div>
      <fieldset class="field">
        <legend>{strings.forWhom}</legend>
        <label class="choice">
          <input type="radio" name="ac-for-whom" checked={d.forWhom === 'self'} onChange={() => set({ forWhom: 'self' })} /> {strings.forSelf}
        </label>
        <label class="choice">
          <input type="radio" name="ac-for-whom" checked={d.forWhom === 'loved-one'} onChange={() => set({ forWhom: 'loved-one' })} /> {strings.forLovedOne}
        </label>
      </fieldset>
      <div class="field">
        <label for="ac-best-time">{strings.bestTime}</label>
        <select id="ac-best-time" value={d.bestTime} onChange={(e) => set({ bestTime: e.currentTarget.value as BestTime })} aria-describedby={config.hours ? 'ac-hours-hint' : undefined}>
          {BEST_TIMES.map((t) => (
            <option value={t} key={t}>
              {BEST_TIME_LABELS[t]}
            </option>
          ))}
        </select>
        {config.hours && (
          <p class="hint small" id="ac-hours-hint">
            {hoursHint}
            {hours && !hours.open && ` ${fill(strings.closedHint, { when: hours.opens })}`}
          </p>
        )}
      </div>
      <div class="field">
        <label class="choice">
          <input type="checkbox" checked={d.voicemail} onChange={(e) => set({ voicemail: e.currentTarget.checked })} aria-describedby="ac-voicemail-hint" /> {strings.voicemail}
        </label>
        <p class="hint small" id="ac-voicemail-hint">
          {strings.voicemailHint}
        </p>
      </div>
      <details class="optional" open={Boolean(d.insurance || d.state || d.language || d.note)}>
        <summary>{strings.optional}</summary>
        <OptionalChoice id="ac-insurance" label={strings.insurance} none={strings.preferNot} value={d.insurance} options={INSURANCE} labels={INSURANCE_LABELS} onChange={(insurance) => set({ insurance })} />
        <OptionalChoice id="ac-state" label={strings.state} none={strings.preferNot} value={d.state} options={US_STATES} labels={US_STATE_NAMES} onChange={(state) => set({ state })} />
        <OptionalChoice id="ac-language" label={strings.language} none={strings.preferNot} value={d.language} options={LANGUAGES} labels={LANGUAGE_LABELS} onChange={(language) => set({ language })} />
        <div class="field">
          <label for="ac-note">{strings.note}</label>
          <textarea id="ac-note" rows={2} maxLength={LIMITS.note} value={d.note} onInput={(e) => set({ note: e.currentTarget.value })} aria-describedby={errors.note ? `ac-note-hint ${id('note')}` : 'ac-note-hint'} aria-invalid={errors.note ? 'true' : undefined} />
          <p class="hint small" id="ac-note-hint">
            {strings.noteHint} ({d.note.length}/{LIMITS.note})
          </p>
          {error('note')}
        </div>
      </details>
      <div class="field">
        <label class="choice consent">
          <input type="checkbox" checked={d.consentCalls} onChange={(e) => set({ consentCalls: e.currentTarget.checked })} {...invalid(consentError)} />{' '}
          {shown.calls}
        </label>
        {error(consentError)}
        <label class="choice consent">
          <input type="checkbox" checked={d.consentTexts} onChange={(e) => set({ consentTexts: e.currentTarget.checked })} />{' '}
          {shown.texts}
        </label>
      </div>
      {/* Hidden from people and assistive technology; bots that fill every field fill this one. */}
      <div class="trap" aria-hidden="true">
        <label>
          Leave this empty <input ref={trap} tabIndex={-1} autoComplete="off" name="ac-website" />
        </label>
      </div>
      {status.kind === 'crisis' && (
        <div class="crisis-note" role="alert">
          <p>{strings.noteCrisis}</p>
          <CrisisActions actions={status.actions} />
        </div>
      )}
      {(status.kind === 'failed' || status.kind === 'check' || status.kind === 'unsaved') && (
        <div class="form-error" role="alert">
          <p>{status.kind === 'failed' ? fill(strings.failed, { message: status.message }) : status.kind === 'check' ? status.message : strings.unsavedText}</p>
          {ratherCall}
        </div>
      )}
      {sending && (
        <p class="hint" role="status">
          {status.retrying ? strings.stillTrying : strings.sending}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={sending}>
          {sending ? strings.sending : strings.sendRequest}
        </button>
        <button type="button" class="button" onClick={onDone}>
          {strings.cancel}
        </button>
      </div>
      {sending && ratherCall}
    </form>
  );
}
