/**
 * What the admissions team is told when a request arrives, and the channels
 * that tell them. A notification says only that someone is waiting, when
 * they would like a call, and where the inbox is: no name, phone, note or
 * insurance, because chat apps and mailboxes are not places for health data.
 */
import nodemailer from 'nodemailer';
import { BEST_TIME_LABELS, type CallbackRequest } from '../shared/index.js';
import type { NotifyConfig } from './config.js';

/** One way to reach the team; `send` rejects when the message was not accepted. */
export interface Channel {
  name: string;
  send(text: string): Promise<void>;
  close?(): void;
}

// A channel that hangs must not hold the worker: give up and retry later.
const TIMEOUT_MS = 15_000;

/** The notification, for any channel. */
export function noticeText(request: CallbackRequest, inboxUrl: string): string {
  return `New callback request — best time: ${BEST_TIME_LABELS[request.bestTime].toLowerCase()} — open the inbox: ${inboxUrl}`;
}

/** POSTs {"text"} as JSON, which Slack, Mattermost and Teams-style incoming webhooks accept. */
export function webhook(url: string): Channel {
  return {
    name: 'webhook',
    async send(text) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
    },
  };
}

/** Sends a plain-text email over SMTP. */
export function email(smtpUrl: string, to: string, from: string): Channel {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    name: 'email',
    async send(text) {
      await transport.sendMail({ from, to, subject: 'New callback request', text });
    },
    close: () => transport.close(),
  };
}

/** The channels the configuration asks for; none in the demo. */
export function channels(config: NotifyConfig): Channel[] {
  const list: Channel[] = [];
  if (config.webhookUrl) list.push(webhook(config.webhookUrl));
  if (config.smtpUrl && config.emailTo) list.push(email(config.smtpUrl, config.emailTo, config.emailFrom ?? config.emailTo));
  return list;
}
