/** One bot reply, drawn by kind: answer, fallback, escalate or crisis. */
import type { Reply, Suggestion } from '../../engine/index.js';
import type { Actions } from './actions.js';

function Chips({ items, label, onPick }: { items: Suggestion[]; label: string; onPick: (q: string) => void }) {
  if (!items.length) return null;
  return (
    <div class="chips" role="group" aria-label={label}>
      {items.map((s) => (
        <button type="button" class="chip" key={s.id} onClick={() => onPick(s.question)}>
          {s.question}
        </button>
      ))}
    </div>
  );
}

function Handoff({ actions }: { actions: Actions }) {
  return (
    <div class="handoff">
      <a class="button primary" href={actions.telHref} onClick={actions.onCall}>
        Call {actions.phone}
      </a>
      <button type="button" class="button" onClick={actions.openCallback}>
        Request a callback
      </button>
    </div>
  );
}

/** A bot reply. */
export function ReplyView({ reply, actions }: { reply: Reply; actions: Actions }) {
  if (reply.kind === 'crisis') {
    return (
      <div class="msg crisis" role="alert">
        <p>{reply.text}</p>
        <div class="crisis-actions">
          {reply.actions.map((a) => (
            <a class="button crisis-action" href={a.href} key={a.href}>
              {a.label}
            </a>
          ))}
        </div>
      </div>
    );
  }
  if (reply.kind === 'answer') {
    return (
      <div class="msg bot" data-entry={reply.id}>
        {/* Sanitised at build time by the kb renderer (allow-listed tags only). */}
        <div class="answer" dangerouslySetInnerHTML={{ __html: reply.html }} />
        <Chips items={reply.related} label="Related questions" onPick={actions.ask} />
      </div>
    );
  }
  return (
    <div class="msg bot" data-kind={reply.kind}>
      <p>{reply.text}</p>
      {reply.kind === 'fallback' && <Chips items={reply.suggestions} label="Did you mean" onPick={actions.ask} />}
      <Handoff actions={actions} />
    </div>
  );
}
