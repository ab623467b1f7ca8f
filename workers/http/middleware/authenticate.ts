import { createMiddleware } from 'hono/factory';
import { keyMayCall, noteKeyUse, resolveApiKey } from '../../services/auth/api-keys';
import { resolveSession } from '../../services/auth/sessions';
import { fencedMayCall } from '../../services/auth/two-factor';
import { ForbiddenError, UnauthorizedError } from '../../services/errors';
import type { HonoEnv } from '../hono-env';
import { isSameOrigin } from '../same-origin';
import { readSessionCookie } from '../session-cookies';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

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
      if (!key) throw new UnauthorizedError('apiKeyInvalid');
      // Checked here, before any route or idempotency replay: a refused call never runs.
      const refusal = keyMayCall(key.scope, c.req.method, c.req.path.replace(/^\/api\/v1(?=\/)/, ''));
      if (refusal === 'sessionOnly') throw new ForbiddenError('sessionOnly');
      if (refusal === 'readOnly') throw new ForbiddenError('readOnlyKey');
      await noteKeyUse(c.var.db, key);
      c.set('auth', {
        tenantId: key.tenantId,
        userId: null,
        email: null,
        name: key.name,
        // A key acts with a role: `write` as an admin (never an owner: ownership and closing
        // the business need a person), `read` as an accountant.
        role: key.scope === 'write' ? 'admin' : 'accountant',
        via: 'apiKey',
        principal: `key:${key.id}`,
        sessionId: null,
      });
      return next();
    }
    const token = readSessionCookie(c, 'admin');
    // Only the cookie is an ambient credential: API keys (above) need no CSRF check.
    if (token && UNSAFE.has(c.req.method) && !isSameOrigin(c)) {
      throw new ForbiddenError('notFromApp');
    }
    const session = token ? await resolveSession(c.var.db, token) : undefined;
    if (!session) throw new UnauthorizedError();
    // The business requires a second factor this person has not set up: only enrolment is open.
    if (
      session.twoFactorPending &&
      !fencedMayCall(c.req.method, c.req.path.replace(/^\/api\/v1(?=\/)/, ''))
    ) {
      throw new ForbiddenError('twoFactorRequired');
    }
    c.set('auth', {
      tenantId: session.tenantId,
      userId: session.userId,
      email: session.email,
      name: session.name ?? session.email,
      role: session.role,
      via: 'session',
      principal: `user:${session.userId}`,
      sessionId: session.id,
    });
    await next();
  });
