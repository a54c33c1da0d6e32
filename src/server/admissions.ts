/**
 * The admissions inbox: a plain, server-rendered list of callback requests,
 * newest first, readable on any device without JavaScript.
 */
import type { StoredRequest } from './store.js';

const BEST_TIME: Record<StoredRequest['bestTime'], string> = {
  now: 'As soon as possible',
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
};

function escape(text: string): string {
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

/** The inbox page. */
export function admissionsPage(requests: StoredRequest[], now = new Date()): string {
  const rows = requests
    .map(
      (r) => `<tr>
  <td>${r.id}</td>
  <td>${escape(r.firstName)}</td>
  <td><a href="tel:${escape(r.phone)}">${escape(displayPhone(r.phone))}</a></td>
  <td>${BEST_TIME[r.bestTime]}</td>
  <td>${r.forWhom === 'self' ? 'Themselves' : 'Someone they care about'}</td>
  <td>Calls${r.consent.texts ? ' and texts' : ' only'}, <time datetime="${escape(r.consent.at)}">${escape(r.consent.at)}</time></td>
  <td>${escape(r.status)}</td>
  <td><time datetime="${escape(r.createdAt)}">${ago(r.createdAt, now)}</time></td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Callback requests</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .5rem .75rem; border-bottom: 1px solid #ddd; vertical-align: top; }
  th { background: #f4f4f4; }
</style>
</head>
<body>
<h1>Callback requests</h1>
<p>${requests.length} request${requests.length === 1 ? '' : 's'}, newest first.</p>
${
  requests.length
    ? `<table>
<thead><tr><th>#</th><th>Name</th><th>Phone</th><th>Best time</th><th>For</th><th>Consent</th><th>Status</th><th>Received</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<p>No callback requests yet.</p>'
}
</body>
</html>`;
}
