/**
 * Which pages may talk to the receiver. A browser names the page's origin
 * in the Origin header; the receiver's own pages are always welcome, other
 * sites only when ALLOWED_ORIGINS lists them (and then with CORS headers so
 * their widget can read the answer). A request without Origin comes from no
 * browser page (curl, a server) and is not a cross-site concern.
 */

/** Is `origin` this receiver itself: the host the request was sent to, or PUBLIC_URL? */
function own(origin: string, request: Request, publicUrl?: string): boolean {
  try {
    const url = new URL(origin);
    return url.host === new URL(request.url).host || (!!publicUrl && url.origin === new URL(publicUrl).origin);
  } catch {
    return false; // "null" from a sandboxed frame or a file: page
  }
}

/**
 * The CORS headers a callback request's answer needs: {} for no CORS (no
 * Origin, or our own), or null when the page's origin may not post here.
 */
export function corsHeaders(request: Request, allowed: string[], publicUrl?: string): Record<string, string> | null {
  const origin = request.headers.get('origin');
  if (origin === null || own(origin, request, publicUrl)) return {};
  if (!allowed.includes(origin)) return null;
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

/**
 * True when a browser sent this request from one of our own pages. Used on
 * the inbox's cookie-authenticated forms: with the SameSite=Strict cookie it
 * makes a forged cross-site POST fail twice over.
 */
export function fromOwnPage(request: Request, publicUrl?: string): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return false;
  const origin = request.headers.get('origin') ?? request.headers.get('referer');
  return origin !== null && own(origin, request, publicUrl);
}
