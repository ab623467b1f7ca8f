import type { TenantContext } from '../context';
import { issuePortalLink } from '../portal/links';

/**
 * A fresh magic link for `{{portalLink}}`: every email that needs one gets its own, so
 * revoking one client's links never breaks another's and each expires on its own.
 */
export async function portalLinkFor(
  ctx: TenantContext,
  clientId: string,
  publicUrl: string,
): Promise<string> {
  return (await issuePortalLink(ctx, clientId, publicUrl.replace(/\/+$/, ''))).url;
}
