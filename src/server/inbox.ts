/**
 * The /admissions routes: the inbox page, its JSON twin, login, logout and
 * status changes. Without the token there is nothing here but a login
 * prompt. Forms that change something, when authenticated by the cookie,
 * must also come from one of our own pages (see origin.ts).
 */
import { admissionsPage, loginPage } from './admissions.js';
import type { Auth } from './auth.js';
import { HttpError } from './errors.js';
import { fromOwnPage } from './origin.js';
import type { RateLimit } from './rate-limit.js';
import { STATUSES, type Status, type Store } from './store.js';

export interface InboxRoute {
  store: Store;
  auth: Auth;
  /** Login attempts per client. */
  limit: RateLimit;
  publicUrl?: string;
}

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

function html(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { ...HTML_HEADERS, ...headers } });
}

function redirect(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store', ...headers } });
}

function unauthorized(): Response {
  return html(loginPage(false), 401, { 'www-authenticate': 'Bearer realm="admissions"' });
}

async function readForm(request: Request): Promise<URLSearchParams> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get('content-type') ?? '')) {
    throw new HttpError(415, 'Send the form as application/x-www-form-urlencoded.', { 'content-type': 'Expected a form.' });
  }
  return new URLSearchParams(await request.text());
}

/** A state-changing form: our own page, or a bearer token (which no other site's page can send). */
function requireOwnPage(request: Request, how: 'bearer' | 'cookie' | null, route: InboxRoute): void {
  if (how !== 'bearer' && !fromOwnPage(request, route.publicUrl)) {
    throw new HttpError(403, 'This form must be sent from the admissions inbox itself.', { origin: 'Not sent from this site.' });
  }
}

async function setStatus(request: Request, route: InboxRoute): Promise<Response> {
  const how = route.auth.check(request);
  if (!how) throw new HttpError(401, 'Log in to the admissions inbox first.', undefined, { 'www-authenticate': 'Bearer realm="admissions"' });
  requireOwnPage(request, how, route);
  const form = await readForm(request);
  const id = Number(form.get('id'));
  const status = form.get('status') as Status;
  const details: Record<string, string> = {};
  if (!Number.isInteger(id) || id < 1) details.id = 'id must be a request number.';
  if (!STATUSES.includes(status)) details.status = `status must be one of: ${STATUSES.join(', ')}.`;
  if (Object.keys(details).length) throw new HttpError(422, 'The status change has invalid fields.', details);
  if (!route.store.setStatus(id, status)) throw new HttpError(404, `There is no request ${id}.`, { id: 'No such request.' });
  return redirect(`/admissions#request-${id}`);
}

async function login(request: Request, ip: string, route: InboxRoute): Promise<Response> {
  const wait = route.limit.take(ip);
  if (wait) throw new HttpError(429, `Too many attempts; try again in ${wait} s.`, undefined, { 'retry-after': String(wait) });
  requireOwnPage(request, null, route);
  const token = (await readForm(request)).get('token') ?? '';
  if (!route.auth.matches(token)) return html(loginPage(true), 401);
  return redirect('/admissions', { 'set-cookie': route.auth.sessionCookie() });
}

/** Answers /admissions, /admissions.json and /admissions/*; null for any other path. */
export async function inbox(request: Request, pathname: string, ip: string, route: InboxRoute): Promise<Response | null> {
  const get = request.method === 'GET' || request.method === 'HEAD';
  const post = request.method === 'POST';
  if (pathname === '/admissions' && get) return route.auth.check(request) ? html(admissionsPage(route.store.list())) : unauthorized();
  if (pathname === '/admissions.json' && get) {
    if (!route.auth.check(request)) throw new HttpError(401, 'Send the admissions token as a bearer token.', undefined, { 'www-authenticate': 'Bearer realm="admissions"' });
    return Response.json({ requests: route.store.list() }, { headers: { 'cache-control': 'no-store' } });
  }
  if (pathname === '/admissions/login' && post) return login(request, ip, route);
  if (pathname === '/admissions/logout' && post) {
    requireOwnPage(request, null, route);
    return redirect('/admissions', { 'set-cookie': route.auth.logoutCookie() });
  }
  if (pathname === '/admissions/status' && post) return setStatus(request, route);
  if (['/admissions', '/admissions.json', '/admissions/login', '/admissions/logout', '/admissions/status'].includes(pathname)) {
    throw new HttpError(405, 'Method not allowed.');
  }
  return null;
}
