/**
 * The admissions inbox pages: a plain, server-rendered list of callback
 * requests, newest first, readable on any device without JavaScript, and the
 * login prompt shown to anyone without the token. Every value from a request
 * is escaped, even those the schema already restricts.
 */
import { BEST_TIME_LABELS, INSURANCE_LABELS, LANGUAGE_LABELS, US_STATE_NAMES } from '../shared/index.js';
import { STATUSES, type Status, type StoredRequest } from './store.js';

const STATUS_ACTION: Record<Status, string> = { new: 'Mark new', called: 'Mark called', closed: 'Close' };

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "+15552345678" -> "(555) 234-5678". */
export function displayPhone(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

/** "3 min ago", "2 h ago", "4 days ago". */
export function ago(iso: string, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .5rem .75rem; border-bottom: 1px solid #ddd; vertical-align: top; }
  th { background: #f4f4f4; }
  dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0 .75rem; }
  dt { color: #555; }
  dd { margin: 0; white-space: pre-wrap; }
  .status { font-weight: 600; }
  .status-new { color: #a40000; }
  .no-voicemail { font-weight: 600; color: #a40000; }
  form.actions button, form.inline button { margin: .25rem .25rem 0 0; }
  form.inline { display: inline; }
  header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
  .error { color: #a40000; }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>${STYLE}
</style>
</head>
<body>
${body}
</body>
</html>`;
}

function details(r: StoredRequest): string {
  const rows: [string, string][] = [
    ['For', r.forWhom === 'self' ? 'Themselves' : 'Someone they care about'],
    ['Voicemail', r.voicemail ? 'OK to leave a voicemail' : 'Do not leave a voicemail'],
  ];
  if (r.insurance) rows.push(['Insurance', INSURANCE_LABELS[r.insurance]]);
  if (r.state) rows.push(['State', `${US_STATE_NAMES[r.state]} (${r.state})`]);
  if (r.language) rows.push(['Language', LANGUAGE_LABELS[r.language]]);
  if (r.note) rows.push(['Note', r.note]);
  if (r.center) rows.push(['Center', r.center]);
  if (r.page) rows.push(['Page', r.page]);
  return `<dl>${rows
    .map(([k, v]) => `<dt>${k}</dt><dd${k === 'Voicemail' && !r.voicemail ? ' class="no-voicemail"' : ''}>${escape(v)}</dd>`)
    .join('')}</dl>`;
}

function row(r: StoredRequest, now: Date): string {
  const actions = STATUSES.filter((s) => s !== r.status)
    .map((s) => `<button name="status" value="${s}">${STATUS_ACTION[s]}</button>`)
    .join('');
  return `<tr id="request-${r.id}">
  <td>${r.id}</td>
  <td><time datetime="${escape(r.createdAt)}" title="${escape(r.createdAt)}">${ago(r.createdAt, now)}</time></td>
  <td><span class="status status-${escape(r.status)}">${escape(r.status)}</span>
    <form class="actions" method="post" action="/admissions/status"><input type="hidden" name="id" value="${r.id}">${actions}</form></td>
  <td>${escape(r.firstName)}<br><a href="tel:${escape(r.phone)}">${escape(displayPhone(r.phone))}</a></td>
  <td>${escape(BEST_TIME_LABELS[r.bestTime])}</td>
  <td>${details(r)}</td>
  <td>Calls${r.consent.texts ? ' and texts' : ' only'}, <time datetime="${escape(r.consent.at)}">${escape(r.consent.at)}</time>
    <details><summary>Consent text</summary>${escape(r.consent.text)}</details></td>
</tr>`;
}

/** The inbox page. */
export function admissionsPage(requests: StoredRequest[], now = new Date()): string {
  const waiting = requests.filter((r) => r.status === 'new').length;
  return page(
    'Callback requests',
    `<header>
<h1>Callback requests</h1>
<form class="inline" method="post" action="/admissions/logout"><button>Log out</button></form>
</header>
<p>${requests.length} request${requests.length === 1 ? '' : 's'}, newest first; ${waiting} new.</p>
${
  requests.length
    ? `<table>
<thead><tr><th>#</th><th>Received</th><th>Status</th><th>Name and phone</th><th>Best time</th><th>Details</th><th>Consent</th></tr></thead>
<tbody>
${requests.map((r) => row(r, now)).join('\n')}
</tbody>
</table>`
    : '<p>No callback requests yet.</p>'
}`,
  );
}

/** The only thing shown without the token. */
export function loginPage(failed: boolean): string {
  return page(
    'Admissions inbox: log in',
    `<h1>Admissions inbox</h1>
${failed ? '<p class="error" role="alert">That token is not right.</p>' : ''}
<form method="post" action="/admissions/login">
<label for="token">Access token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button>Log in</button>
</form>`,
  );
}
