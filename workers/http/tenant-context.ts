import type { Context } from 'hono';
import { forTenant, type TenantContext } from '../services/context';
import type { HonoEnv } from './hono-env';

/** The request's context for the business whose session or API key is calling. */
export function tenantContext(c: Context<HonoEnv>): TenantContext {
  return forTenant(c.var.ctx, c.var.auth.tenantId);
}
