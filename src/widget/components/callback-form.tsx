/**
 * The callback request form: first name, phone, best time, who needs help,
 * and consent to be called, unchecked by default. What the visitor typed is
 * kept through every error; nothing is sent until they press the button.
 */
import { useState } from 'preact/hooks';
import { BEST_TIMES, validateCallbackRequest, type BestTime, type FieldErrors, type ForWhom } from '../../shared/index.js';
import { sendCallback } from '../callback.js';

const BEST_TIME_LABEL: Record<BestTime, string> = {
  now: 'As soon as possible',
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
};

type Status = { kind: 'editing' } | { kind: 'sending' } | { kind: 'sent'; id: number } | { kind: 'failed'; message: string };

export interface CallbackFormProps {
  center: string;
  phone: string;
  telHref: string;
  callbackUrl: string;
  /** The receiver accepted the request. */
  onSent(reference: number | null): void;
  onDone(): void;
}

/** The consent sentence shown next to the checkbox, and sent with the request word for word. */
export function consentText(center: string): string {
  return `I agree that ${center} may call me at this number about my request. Consent is not a condition of receiving services.`;
}

function uuid(): string {
  return crypto.randomUUID();
}

export function CallbackForm({ center, phone, telHref, callbackUrl, onSent, onDone }: CallbackFormProps) {
  const [firstName, setFirstName] = useState('');
  const [tel, setTel] = useState('');
  const [bestTime, setBestTime] = useState<BestTime>('now');
  const [forWhom, setForWhom] = useState<ForWhom>('self');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'editing' });

  if (status.kind === 'sent') {
    return (
      <div class="callback sent" role="status">
        <h3>Request sent</h3>
        <p>
          Thank you, {firstName.trim()}. {center}'s admissions team will call you. Your reference number is{' '}
          <strong>{status.id}</strong>.
        </p>
        <p>
          If you would rather not wait, call <a href={telHref}>{phone}</a>.
        </p>
        <button type="button" class="button" onClick={onDone}>
          Back to chat
        </button>
      </div>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const request = {
      requestId: uuid(),
      firstName,
      phone: tel,
      bestTime,
      forWhom,
      voicemail: false,
      consent: { calls: consent, texts: false, text: consentText(center), at: new Date().toISOString() },
    };
    const checked = validateCallbackRequest(request);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setStatus({ kind: 'sending' });
    const result = await sendCallback(callbackUrl, checked.value);
    if (result.ok) {
      setStatus({ kind: 'sent', id: result.id });
      onSent(result.id);
    }
    else {
      setErrors(result.fields ?? {});
      setStatus({ kind: 'failed', message: result.message });
    }
  };

  const error = (field: string) =>
    errors[field] ? (
      <p class="field-error" id={`ac-error-${field.replace('.', '-')}`}>
        {errors[field]}
      </p>
    ) : null;
  const described = (field: string) => (errors[field] ? `ac-error-${field.replace('.', '-')}` : undefined);
  const consentError = errors['consent.calls'] ? 'consent.calls' : 'consent';

  return (
    <form class="callback" onSubmit={submit} noValidate>
      <h3>Request a callback</h3>
      <p class="hint">Leave your name and number and our admissions team will call you. Please do not include health details.</p>
      <div class="field">
        <label for="ac-first-name">First name</label>
        <input
          id="ac-first-name"
          autoComplete="given-name"
          value={firstName}
          onInput={(e) => setFirstName(e.currentTarget.value)}
          aria-invalid={errors.firstName ? 'true' : undefined}
          aria-describedby={described('firstName')}
          maxLength={60}
        />
        {error('firstName')}
      </div>
      <div class="field">
        <label for="ac-phone">Phone number</label>
        <input
          id="ac-phone"
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          value={tel}
          onInput={(e) => setTel(e.currentTarget.value)}
          aria-invalid={errors.phone ? 'true' : undefined}
          aria-describedby={described('phone')}
          maxLength={40}
        />
        {error('phone')}
      </div>
      <div class="field">
        <label for="ac-best-time">Best time to call</label>
        <select id="ac-best-time" value={bestTime} onChange={(e) => setBestTime(e.currentTarget.value as BestTime)}>
          {BEST_TIMES.map((t) => (
            <option value={t} key={t}>
              {BEST_TIME_LABEL[t]}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="field">
        <legend>Who is the help for?</legend>
        <label class="choice">
          <input type="radio" name="ac-for-whom" checked={forWhom === 'self'} onChange={() => setForWhom('self')} /> Me
        </label>
        <label class="choice">
          <input type="radio" name="ac-for-whom" checked={forWhom === 'loved-one'} onChange={() => setForWhom('loved-one')} />{' '}
          Someone I care about
        </label>
      </fieldset>
      <div class="field">
        <label class="choice consent">
          <input
            type="checkbox"
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
            aria-invalid={errors[consentError] ? 'true' : undefined}
            aria-describedby={described(consentError)}
          />{' '}
          {consentText(center)}
        </label>
        {error(consentError)}
      </div>
      {status.kind === 'failed' && (
        <p class="form-error" role="alert">
          {status.message} Your details are still here. You can also call <a href={telHref}>{phone}</a>.
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={status.kind === 'sending'}>
          {status.kind === 'sending' ? 'Sending…' : 'Send request'}
        </button>
        <button type="button" class="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
