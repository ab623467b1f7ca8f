import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { resolveApiKey } from '../../services/auth/api-keys';
import { resolveSession } from '../../services/auth/sessions';
import { ForbiddenError, UnauthorizedError } from '../../services/errors';
import type { HonoEnv } from '../hono-env';
import { publicOrigin } from '../public-url';
import { readSessionCookie } from '../session-cookies';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF: a cookie rides along with any cross-site request, so a write authenticated by it
 * must prove it came from the app itself. Browsers send `Origin` on every unsafe request
 * and `Sec-Fetch-Site` on every request; either one is enough. API keys are not ambient
 * credentials and are not checked.
 */
function isSameOrigin(c: Context<HonoEnv>): boolean {
  if (c.req.header('sec-fetch-site') === 'same-origin') return true;
  const origin = c.req.header('origin');
  if (!origin) return false;
  return origin === new URL(c.req.url).origin || origin === publicOrigin(c.env);
}

/**
 * Resolves who is calling from a Bearer API key or the session cookie. The tenant id
 * is taken from there and nowhere else, so no request body can point at another tenant.
 */
export const authenticate = () =>
  createMiddleware<HonoEnv>(async function authenticate(c, next) {
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const key = match?.[1] ? await resolveApiKey(c.var.db, match[1]) : undefined;
      if (!key) throw new UnauthorizedError('The API key is invalid or revoked');
      c.set('auth', {
        tenantId: key.tenantId,
        userId: null,
        email: null,
        role: 'owner',
        via: 'apiKey',
        principal: `key:${key.id}`,
      });
      return next();
    }
    const token = readSessionCookie(c, 'admin');
    if (token && UNSAFE.has(c.req.method) && !isSameOrigin(c)) {
      throw new ForbiddenError('This request did not come from the Clientele app');
    }
    const session = token ? await resolveSession(c.var.db, token) : undefined;
    if (!session) throw new UnauthorizedError();
    c.set('auth', {
      tenantId: session.tenantId,
      userId: session.userId,
      email: session.email,
      role: session.role,
      via: 'session',
      principal: `user:${session.userId}`,
    });
    await next();
  });

export const requireOwner = () =>
  createMiddleware<HonoEnv>(async function requireOwner(c, next) {
    if (c.var.auth.role !== 'owner') throw new ForbiddenError('Only the business owner can do this');
    await next();
  });
