import { createMiddleware } from 'hono/factory';
import { type Permission, roleMay } from '../../services/auth/permissions';
import { ForbiddenError, say } from '../../services/errors';
import type { HonoEnv } from '../hono-env';

/** Refuses a caller whose role does not grant `permission`, before the route runs. */
export const allow = (permission: Permission, orSelf?: string) =>
  createMiddleware<HonoEnv>(async function allow(c, next) {
    const { role, userId } = c.var.auth;
    const self = orSelf !== undefined && userId !== null && c.req.param(orSelf) === userId;
    if (!self && !roleMay(role, permission)) throw new ForbiddenError(say('roleMayNot', role));
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

/**
 * As `permit`, and anyone may also call it about themselves: the path parameter `param`
 * naming the caller's own user id (leaving a business needs no `team` permission).
 */
export function permitOrSelf<const P extends Permission>(permission: P, param: string) {
  return { middleware: allow(permission, param), 'x-permission': permission, 'x-permission-self': param };
}
