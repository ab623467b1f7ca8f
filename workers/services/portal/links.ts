import {
  createPortalLink,
  type Db,
  endPortalSession,
  extendPortalSession,
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
import { randomToken, sha256Hex } from '../auth/encoding';
import type { TenantContext } from '../context';
import { NotFoundError } from '../errors';

export const PORTAL_SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface PortalLinkView {
  id: string;
  clientId: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
  /** Portal sessions this link opened that are still signed in. */
  activeSessions: number;
}

export function toLinkView(l: PortalLinkRow & { activeSessions?: number }, now: Date): PortalLinkView {
  return {
    id: l.id,
    clientId: l.clientId,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
    lastUsedAt: l.lastUsedAt?.toISOString() ?? null,
    revokedAt: l.revokedAt?.toISOString() ?? null,
    status: l.revokedAt ? 'revoked' : l.expiresAt <= now ? 'expired' : 'active',
    activeSessions: l.revokedAt ? 0 : (l.activeSessions ?? 0),
  };
}

/**
 * A new magic link for one client: 256 random bits, base64url; only its hash is kept,
 * so the URL exists in the email and nowhere else.
 */
export async function issuePortalLink(ctx: TenantContext, clientId: string, origin: string) {
  const [client, tenant] = await Promise.all([
    getClient(ctx.db, ctx.tenantId, clientId),
    getTenant(ctx.db, ctx.tenantId),
  ]);
  if (!client || !tenant) throw new NotFoundError('Client');
  const token = randomToken(32);
  const expiresAt = new Date(ctx.now.getTime() + tenant.portalLinkDays * 24 * 3600 * 1000);
  const row = await createPortalLink(
    ctx.db,
    ctx.tenantId,
    { clientId, tokenHash: await sha256Hex(token), expiresAt },
    ctx.now,
  );
  return { ...toLinkView(row, ctx.now), url: `${origin}/portal/login/${token}` };
}

export async function portalLinksFor(ctx: TenantContext, clientId?: string) {
  return (await listPortalLinks(ctx.db, ctx.tenantId, clientId, ctx.now)).map((l) => toLinkView(l, ctx.now));
}

export async function revokeLink(ctx: TenantContext, id: string) {
  const l = await revokePortalLink(ctx.db, ctx.tenantId, id, ctx.now);
  if (!l) throw new NotFoundError('Portal link');
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
  return { usable: false, reason: !any ? 'unknown' : any.revokedAt ? 'revoked' : 'expired' };
}

/** Exchanges a usable link for a portal session bound to its one client. */
export async function signInWithLink(db: Db, token: string, now = new Date()) {
  const state = await inspectToken(db, token, now);
  if (!state.usable) return state;
  const session = randomToken(32);
  const expiresAt = new Date(now.getTime() + PORTAL_SESSION_TTL_MS);
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
  );
  return { usable: true as const, session, expiresAt };
}

/**
 * The session with its business and client (one query), sliding its expiry forward
 * once past half its life.
 */
export async function resolvePortalSession(db: Db, token: string, now = new Date()) {
  const hash = await sha256Hex(token);
  const found = await findPortalSessionWithParties(db, hash, now);
  if (!found) return undefined;
  if (found.session.expiresAt.getTime() - now.getTime() < PORTAL_SESSION_TTL_MS / 2) {
    await extendPortalSession(db, hash, new Date(now.getTime() + PORTAL_SESSION_TTL_MS));
  }
  return found;
}

export async function signOutPortal(db: Db, token: string) {
  await endPortalSession(db, await sha256Hex(token));
}
