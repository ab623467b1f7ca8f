import type { Context } from 'hono';
import type { TenantContext } from '../services/context';
import type { HonoEnv } from './hono-env';

export function tenantContext(c: Context<HonoEnv>): TenantContext {
  return { db: c.var.db, tenantId: c.var.auth.tenantId, now: new Date() };
}
