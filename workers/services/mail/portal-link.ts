import type { TenantContext } from '../context';

/**
 * The client's portal sign-in link for `{{portalLink}}`. Magic links arrive with the
 * portal; until then emails carry no link (the variable renders empty).
 */
export async function portalLinkFor(_ctx: TenantContext, _clientId: string): Promise<string | null> {
  return null;
}
