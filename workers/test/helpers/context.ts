import { env } from 'cloudflare:test';
import { type AppContext, forTenant, type TenantContext } from '../../services/context';
import { initContext } from '../../services/init';

/** The context an entry point would build, over this test's bindings (or some changed ones). */
export function appContext(bindings: Env = env, over: Partial<AppContext> = {}): AppContext {
  return { ...initContext(bindings, { requestId: `test-${crypto.randomUUID()}` }).ctx, ...over };
}

/** The same, narrowed to one business, as a route does once the caller is proven. */
export function tenantContext(tenantId: string, over: Partial<AppContext> = {}): TenantContext {
  return forTenant(appContext(env, over), tenantId);
}
