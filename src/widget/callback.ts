/**
 * Sends a callback request to the receiver: the only network request the
 * widget makes with anything the visitor typed.
 */
import type { CallbackRequest, FieldErrors } from '../shared/index.js';

/** How a send ended. */
export type SendResult =
  | { ok: true; id: number }
  | { ok: false; status: number; message: string; fields?: FieldErrors };

/** POSTs the request as JSON; never throws. */
export async function sendCallback(url: string, request: CallbackRequest): Promise<SendResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      credentials: 'omit',
    });
    const body = (await response.json().catch(() => ({}))) as { id?: number; error?: string; details?: FieldErrors };
    if (response.ok && typeof body.id === 'number') return { ok: true, id: body.id };
    return { ok: false, status: response.status, message: body.error ?? `The server answered ${response.status}.`, fields: body.details };
  } catch {
    return { ok: false, status: 0, message: 'We could not reach the server. Check your connection and try again.' };
  }
}
