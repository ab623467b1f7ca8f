import { and, desc, eq, getTableColumns, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { clients, portalLinks, portalSessions, tenants } from '../schema';
import { clientColumns } from './clients';

export async function createPortalLink(
  db: Db,
  tenantId: string,
  l: { clientId: string; tokenHash: string; expiresAt: Date },
  now = new Date(),
) {
  const row = await db
    .insert(portalLinks)
    .values({ id: newId('lnk'), tenantId, ...l, createdAt: now })
    .returning()
    .get();
  return row!;
}

/** Links with how many portal sessions each has open right now (sessions die with their link). */
export async function listPortalLinks(db: Db, tenantId: string, clientId?: string, now = new Date()) {
  const where = [eq(portalLinks.tenantId, tenantId)];
  if (clientId) where.push(eq(portalLinks.clientId, clientId));
  return db
    .select({
      ...getTableColumns(portalLinks),
      activeSessions: sql<number>`(SELECT COUNT(*) FROM ${portalSessions} WHERE ${portalSessions.linkId} = ${portalLinks.id} AND ${portalSessions.expiresAt} > ${now.getTime()})`,
    })
    .from(portalLinks)
    .where(and(...where))
    .orderBy(desc(portalLinks.createdAt))
    .limit(200)
    .all();
}

/** Revokes the link and ends every session it opened, in one batch. */
export async function revokePortalLink(db: Db, tenantId: string, id: string, now = new Date()) {
  const link = await db
    .select()
    .from(portalLinks)
    .where(and(eq(portalLinks.tenantId, tenantId), eq(portalLinks.id, id)))
    .get();
  if (!link) return undefined;
  await db.batch([
    db
      .update(portalLinks)
      .set({ revokedAt: link.revokedAt ?? now })
      .where(and(eq(portalLinks.tenantId, tenantId), eq(portalLinks.id, id))),
    db
      .delete(portalSessions)
      .where(and(eq(portalSessions.tenantId, tenantId), eq(portalSessions.linkId, id))),
  ]);
  return { ...link, revokedAt: link.revokedAt ?? now };
}

/** A link that may still sign in: not revoked, not expired. */
export async function findUsableLink(db: Db, tokenHash: string, now = new Date()) {
  return db
    .select()
    .from(portalLinks)
    .where(
      and(
        eq(portalLinks.tokenHash, tokenHash),
        isNull(portalLinks.revokedAt),
        gt(portalLinks.expiresAt, now),
      ),
    )
    .get();
}

export async function findLinkByHash(db: Db, tokenHash: string) {
  return db.select().from(portalLinks).where(eq(portalLinks.tokenHash, tokenHash)).get();
}

export async function openPortalSession(
  db: Db,
  s: { tokenHash: string; tenantId: string; clientId: string; linkId: string; expiresAt: Date },
  now = new Date(),
) {
  await db.batch([
    db.insert(portalSessions).values({ ...s, createdAt: now }),
    db.update(portalLinks).set({ lastUsedAt: now }).where(eq(portalLinks.id, s.linkId)),
  ]);
}

export async function extendPortalSession(db: Db, tokenHash: string, expiresAt: Date) {
  await db.update(portalSessions).set({ expiresAt }).where(eq(portalSessions.tokenHash, tokenHash));
}

export async function endPortalSession(db: Db, tokenHash: string) {
  await db.delete(portalSessions).where(eq(portalSessions.tokenHash, tokenHash));
}

/**
 * A live portal session with its business and client, in one query: every signed-in
 * portal page needs all three, and each D1 round trip from the edge costs time.
 */
export async function findPortalSessionWithParties(db: Db, tokenHash: string, now = new Date()) {
  return db
    .select({
      session: portalSessions,
      tenant: tenants,
      client: clientColumns,
    })
    .from(portalSessions)
    .innerJoin(tenants, eq(tenants.id, portalSessions.tenantId))
    .innerJoin(
      clients,
      and(eq(clients.tenantId, portalSessions.tenantId), eq(clients.id, portalSessions.clientId)),
    )
    .where(and(eq(portalSessions.tokenHash, tokenHash), gt(portalSessions.expiresAt, now)))
    .get();
}
