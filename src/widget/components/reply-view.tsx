/** One bot reply, drawn by kind: answer, fallback, escalate or crisis. */
import type { CrisisReply, Reply, Suggestion } from '../../engine/index.js';
import type { ChatStrings } from '../strings.js';
import type { Actions } from './actions.js';
import { Reach } from './reach.js';

/** Questions to tap: suggestions, related questions, "did you mean". */
export function Chips({ items, label, onPick }: { items: Suggestion[]; label: string; onPick: (q: string) => void }) {
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

/** 988 / 911 / Poison Control as tap targets, wherever crisis resources are shown. */
export function CrisisActions({ actions }: { actions: CrisisReply['actions'] }) {
  return (
    <div class="crisis-actions">
      {actions.map((a) => (
        <a class="button crisis-action" href={a.href} key={a.href}>
          {a.label}
        </a>
      ))}
    </div>
  );
}

export interface ReplyViewProps {
  reply: Reply;
  actions: Actions;
  strings: ChatStrings;
  /** The admissions line is closed now. */
  closed: boolean;
}

/** A bot reply. */
export function ReplyView({ reply, actions, strings, closed }: ReplyViewProps) {
  if (reply.kind === 'crisis') {
    // Crisis numbers ignore business hours, and the callback form is never the answer to a crisis.
    return (
      <div class="msg crisis" role="alert">
        <p>{reply.text}</p>
        <CrisisActions actions={reply.actions} />
      </div>
    );
  }
  if (reply.kind === 'answer') {
    return (
      <div class="msg bot" data-entry={reply.id}>
        {/* Sanitised at build time by the kb renderer (allow-listed tags only). */}
        <div class="answer" dangerouslySetInnerHTML={{ __html: reply.html }} />
        <Chips items={reply.related} label={strings.relatedLabel} onPick={actions.ask} />
      </div>
    );
  }
  return (
    <div class="msg bot" data-kind={reply.kind}>
      <p>{reply.text}</p>
      {reply.kind === 'fallback' && <Chips items={reply.suggestions} label={strings.didYouMeanLabel} onPick={actions.ask} />}
      <Reach actions={actions} strings={strings} closed={closed} class="handoff" />
    </div>
  );
}
