/**
 * Who may open the inbox: whoever holds ADMISSIONS_TOKEN, sent as a bearer
 * token or typed once into the login form, which sets an HttpOnly,
 * SameSite=Strict cookie. The cookie holds a value derived from the token,
 * not the token, so changing the token ends every session. Every comparison
 * is over fixed-length digests in constant time, so timing tells nothing.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const COOKIE = 'ac_inbox';
const SESSION_SECONDS = 12 * 60 * 60; // one long shift

export interface Auth {
  /** How the request proved it holds the token, or null. */
  check(request: Request): 'bearer' | 'cookie' | null;
  /** Is this the token? */
  matches(candidate: string): boolean;
  /** Set-Cookie for a session after a good login. */
  sessionCookie(): string;
  /** Set-Cookie that ends the session. */
  logoutCookie(): string;
}

function same(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/** Checks for `token`; `secure` adds the Secure flag (when served over https). */
export function auth(token: string, secure: boolean): Auth {
  const session = createHmac('sha256', token).update('admissions-chat inbox session').digest('base64url');
  const attributes = `Path=/admissions; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  const matches = (candidate: string) => same(candidate, token);
  return {
    check(request) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
      if (bearer && matches(bearer[1])) return 'bearer';
      const cookie = cookieValue(request, COOKIE);
      if (cookie && same(cookie, session)) return 'cookie';
      return null;
    },
    matches,
    sessionCookie: () => `${COOKIE}=${session}; Max-Age=${SESSION_SECONDS}; ${attributes}`,
    logoutCookie: () => `${COOKIE}=; Max-Age=0; ${attributes}`,
  };
}
