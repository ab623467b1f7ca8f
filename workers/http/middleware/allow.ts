import { createMiddleware } from 'hono/factory';
import { type Permission, roleMay } from '../../services/auth/permissions';
import { ForbiddenError, say } from '../../services/errors';
import type { HonoEnv } from '../hono-env';

/** Refuses a caller whose role does not grant `permission`, before the route runs. */
export const allow = (permission: Permission) =>
  createMiddleware<HonoEnv>(async function allow(c, next) {
    const { role } = c.var.auth;
    if (!roleMay(role, permission)) throw new ForbiddenError(say('roleMayNot', role));
    await next();
  });

/**
 * Spread into every authenticated `createRoute`: the check runs on the route, and the
 * OpenAPI document says what it needs (`x-permission`), so the route-security suite can
 * tell a route that forgot.
 */
export function permit<const P extends Permission>(permission: P) {
  return { middleware: allow(permission), 'x-permission': permission };
}
