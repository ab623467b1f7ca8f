import type { Context } from 'hono';
import { type Actor, forTenant, type TenantContext } from '../services/context';
import type { HonoEnv } from './hono-env';

/** Who the audit log names for this request: the person or key whose credentials were checked. */
export function requestActor(c: Context<HonoEnv>): Actor {
  const a = c.var.auth;
  const ip = c.req.header('cf-connecting-ip') ?? null;
  return a.via === 'apiKey'
    ? { type: 'apiKey', id: a.principal.replace(/^key:/, ''), name: a.name, ip }
    : { type: 'user', id: a.userId, name: a.name, ip };
}

/** The request's context for the business whose session or API key is calling. */
export function tenantContext(c: Context<HonoEnv>): TenantContext {
  return forTenant(c.var.ctx, c.var.auth.tenantId, c.var.ctx.now, requestActor(c));
}
