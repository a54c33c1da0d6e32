/** The question box. Text stays in the box until it is sent. */
import { useRef } from 'preact/hooks';
import type { ChatStrings } from '../strings.js';

export function Composer({ onAsk, strings, disabled }: { onAsk: (text: string) => void; strings: ChatStrings; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const el = input.current;
    if (!el || !el.value.trim()) return;
    onAsk(el.value);
    el.value = '';
  };
  return (
    <form class="composer" onSubmit={submit}>
      <label class="visually-hidden" for="ac-question">
        {strings.questionLabel}
      </label>
      <input
        id="ac-question"
        ref={input}
        type="text"
        enterKeyHint="send"
        autoComplete="off"
        maxLength={500}
        placeholder={strings.placeholder}
        disabled={disabled}
      />
      <button type="submit" class="send" disabled={disabled}>
        {strings.send}
      </button>
    </form>
  );
}
