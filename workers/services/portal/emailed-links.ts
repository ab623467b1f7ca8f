import { createPortalLink, newestEmailedLink, newId } from '@clientele/db';
import { sha256Hex, toBase64Url } from '../auth/encoding';
import type { TenantContext } from '../context';
import { linkExpiry, signInUrl } from './links';

/** An emailed link is reused while it has at least this long left; then a new one is minted. */
export const REUSE_MIN_REMAINING_MS = 7 * 24 * 3600 * 1000;

/**
 * The token of an emailed link: HMAC-SHA256 of its id under a Worker secret. Only its hash
 * is stored, as for every link, so the database alone signs nobody in; the secret lets
 * later emails carry the same link instead of minting one per email.
 */
async function tokenFor(secret: string, linkId: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`portal-link:${linkId}`));
  return toBase64Url(new Uint8Array(mac));
}

/**
 * The sign-in link for an email to this client: the newest emailed link while it has a
 * week or more left, else a new one (the business's link list then shows one active
 * emailed link per client, not one per email).
 */
export async function emailedPortalLink(
  ctx: TenantContext,
  clientId: string,
  origin: string,
  secret: string | undefined,
  linkDays: number,
): Promise<string> {
  if (!secret) throw new Error('PORTAL_LINK_KEY is not set: emailed sign-in links cannot be made');
  const url = (token: string) => signInUrl(origin, token);
  const reusable = await newestEmailedLink(
    ctx.db,
    ctx.tenantId,
    clientId,
    new Date(ctx.now.getTime() + REUSE_MIN_REMAINING_MS),
  );
  if (reusable) return url(await tokenFor(secret, reusable.id));
  const id = newId('lnk');
  const token = await tokenFor(secret, id);
  await createPortalLink(
    ctx.db,
    ctx.tenantId,
    {
      id,
      clientId,
      tokenHash: await sha256Hex(token),
      expiresAt: linkExpiry(ctx.now, linkDays),
      source: 'email',
    },
    ctx.now,
  );
  return url(token);
}
