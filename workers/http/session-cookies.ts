import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The two signed-in audiences share one scheme: `clientele_<audience>_session`, HttpOnly
 * (scripts never see it), Secure, SameSite=Lax, and scoped to the one path that reads it.
 */
const PATHS = { admin: '/api', portal: '/portal' } as const;
export type Audience = keyof typeof PATHS;

export const sessionCookieName = (audience: Audience) => `clientele_${audience}_session`;

const options = (audience: Audience) =>
  ({ httpOnly: true, secure: true, sameSite: 'Lax', path: PATHS[audience] }) as const;

export function readSessionCookie(c: Context, audience: Audience): string | undefined {
  return getCookie(c, sessionCookieName(audience));
}

export function writeSessionCookie(c: Context, audience: Audience, token: string, expires: Date) {
  setCookie(c, sessionCookieName(audience), token, { ...options(audience), expires });
}

export function clearSessionCookie(c: Context, audience: Audience) {
  deleteCookie(c, sessionCookieName(audience), options(audience));
}
