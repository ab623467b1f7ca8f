import {
  createPortalLink,
  type Db,
  endPortalSession,
  findLinkByHash,
  findPortalSessionWithParties,
  findUsableLink,
  getClient,
  getTenant,
  listPortalLinks,
  openPortalSession,
  type PortalLinkRow,
  revokePortalLink,
} from '@clientele/db';
import { auditLine, auditLineIfChanged } from '../audit';
import { randomToken, sha256Hex } from '../auth/encoding';
import type { TenantContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import type { PortalLinkView } from './schema';

/** A portal session lasts at most this long, and never beyond the link that opened it. */
export const PORTAL_SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

/** The sign-in address a token opens; the one place its shape is written. */
export const signInUrl = (origin: string, token: string) => `${origin}/portal/login/${token}`;

/** When a link made now expires, by the business's setting. */
export const linkExpiry = (now: Date, linkDays: number) =>
  new Date(now.getTime() + linkDays * 24 * 3600 * 1000);

export function toLinkView(l: PortalLinkRow & { activeSessions?: number }, now: Date): PortalLinkView {
  return {
    id: l.id,
    clientId: l.clientId,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
    lastUsedAt: l.lastUsedAt?.toISOString() ?? null,
    revokedAt: l.revokedAt?.toISOString() ?? null,
    status: l.revokedAt ? 'revoked' : l.expiresAt <= now ? 'expired' : 'active',
    source: l.source,
    activeSessions: l.revokedAt ? 0 : (l.activeSessions ?? 0),
  };
}

/**
 * A new magic link for one client: 256 random bits, base64url; only its hash is kept,
 * so the URL exists in the email and nowhere else.
 */
export async function issuePortalLink(ctx: TenantContext, clientId: string) {
  const [client, tenant] = await Promise.all([
    getClient(ctx.db, ctx.tenantId, clientId),
    getTenant(ctx.db, ctx.tenantId),
  ]);
  if (!client || !tenant) throw new NotFoundError('client');
  if (client.archivedAt || client.portalDisabledAt) {
    throw new ConflictError('portalAccessOff');
  }
  const token = randomToken(32);
  const expiresAt = linkExpiry(ctx.now, tenant.portalLinkDays);
  const row = await createPortalLink(
    ctx.db,
    ctx.tenantId,
    { clientId, tokenHash: await sha256Hex(token), expiresAt },
    ctx.now,
    (id) => [auditLine(ctx, 'portal_link.created', { type: 'portalLink', id }, { clientId })],
  );
  return { ...toLinkView(row, ctx.now), url: signInUrl(new URL(ctx.config.publicUrl).origin, token) };
}

export async function portalLinksFor(ctx: TenantContext, clientId?: string) {
  return (await listPortalLinks(ctx.db, ctx.tenantId, clientId, ctx.now)).map((l) => toLinkView(l, ctx.now));
}

export async function revokeLink(ctx: TenantContext, id: string) {
  const l = await revokePortalLink(ctx.db, ctx.tenantId, id, ctx.now, () => [
    auditLineIfChanged(ctx, 'portal_link.revoked', { type: 'portalLink', id }),
  ]);
  if (!l) throw new NotFoundError('portalLink');
  return toLinkView(l, ctx.now);
}

export type LinkState =
  | { usable: true; link: PortalLinkRow }
  | { usable: false; reason: 'unknown' | 'expired' | 'revoked' };

/** Looks a token up without changing anything: the GET confirmation page uses this. */
export async function inspectToken(db: Db, token: string, now = new Date()): Promise<LinkState> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { usable: false, reason: 'unknown' };
  const hash = await sha256Hex(token);
  const link = await findUsableLink(db, hash, now);
  if (link) return { usable: true, link };
  const any = await findLinkByHash(db, hash);
  if (!any) return { usable: false, reason: 'unknown' };
  // A live link whose client lost portal access reads as revoked: access was withdrawn.
  return { usable: false, reason: any.revokedAt || any.expiresAt > now ? 'revoked' : 'expired' };
}

/**
 * Exchanges a usable link for a portal session bound to its one client. `previousToken`
 * is the session cookie the browser sent: it ends server-side, so a copy of the old
 * cookie (another client's, perhaps) stops working too.
 */
export async function signInWithLink(db: Db, token: string, now = new Date(), previousToken?: string) {
  const state = await inspectToken(db, token, now);
  if (!state.usable) return state;
  const session = randomToken(32);
  const cap = now.getTime() + PORTAL_SESSION_TTL_MS;
  const expiresAt = new Date(Math.min(cap, state.link.expiresAt.getTime()));
  await openPortalSession(
    db,
    {
      tokenHash: await sha256Hex(session),
      tenantId: state.link.tenantId,
      clientId: state.link.clientId,
      linkId: state.link.id,
      expiresAt,
    },
    now,
    previousToken ? await sha256Hex(previousToken) : undefined,
  );
  return { usable: true as const, session, expiresAt };
}

/**
 * The session with its business and client (one query). Its expiry is fixed when it
 * opens (absolute, not sliding): a forwarded or stolen cookie dies on schedule.
 */
export async function resolvePortalSession(db: Db, token: string, now = new Date()) {
  return findPortalSessionWithParties(db, await sha256Hex(token), now);
}

export async function signOutPortal(db: Db, token: string) {
  await endPortalSession(db, await sha256Hex(token));
}
