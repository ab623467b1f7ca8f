import { and, desc, eq, getTableColumns, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { clients, portalLinks, portalSessions, tenants } from '../schema';
import { type Beside, NOTHING_BESIDE, writeBeside } from './beside';
import { clientColumns } from './clients';
import { portalOpen } from './portal-access';

export async function createPortalLink(
  db: Db,
  tenantId: string,
  l: { id?: string; clientId: string; tokenHash: string; expiresAt: Date; source?: 'admin' | 'email' },
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
) {
  const id = l.id ?? newId('lnk');
  const rows = await writeBeside(
    db,
    db
      .insert(portalLinks)
      .values({ ...l, id, tenantId, createdAt: now })
      .returning(),
    beside(id),
  );
  return rows[0]!;
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

/** The client's newest live emailed link that is still valid at `validAt`, if any. */
export async function newestEmailedLink(db: Db, tenantId: string, clientId: string, validAt: Date) {
  return db
    .select()
    .from(portalLinks)
    .where(
      and(
        eq(portalLinks.tenantId, tenantId),
        eq(portalLinks.clientId, clientId),
        eq(portalLinks.source, 'email'),
        isNull(portalLinks.revokedAt),
        gt(portalLinks.expiresAt, validAt),
      ),
    )
    .orderBy(desc(portalLinks.createdAt))
    .limit(1)
    .get();
}

/** Revokes the link and ends every session it opened, in one batch. */
export async function revokePortalLink(
  db: Db,
  tenantId: string,
  id: string,
  now = new Date(),
  beside: Beside = NOTHING_BESIDE,
) {
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
      .where(and(eq(portalLinks.tenantId, tenantId), eq(portalLinks.id, id), isNull(portalLinks.revokedAt))),
    // Revoking a revoked link again changes nothing and earns no line (`changes()`).
    ...beside(id),
    db
      .delete(portalSessions)
      .where(and(eq(portalSessions.tenantId, tenantId), eq(portalSessions.linkId, id))),
  ]);
  return { ...link, revokedAt: link.revokedAt ?? now };
}

/** A link that may still sign in: not revoked, not expired, its client's access still on. */
export async function findUsableLink(db: Db, tokenHash: string, now = new Date()) {
  const row = await db
    .select({ link: portalLinks })
    .from(portalLinks)
    .innerJoin(clients, and(eq(clients.tenantId, portalLinks.tenantId), eq(clients.id, portalLinks.clientId)))
    .where(
      and(
        eq(portalLinks.tokenHash, tokenHash),
        isNull(portalLinks.revokedAt),
        gt(portalLinks.expiresAt, now),
        portalOpen,
      ),
    )
    .get();
  return row?.link;
}

/** Whether this client may use the portal (false for unknown clients). */
export async function portalAccessOpen(db: Db, tenantId: string, clientId: string) {
  const row = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.tenantId, tenantId), eq(clients.id, clientId), portalOpen))
    .get();
  return row !== undefined;
}

/**
 * Housekeeping: sessions past their expiry, and links that expired or were revoked more
 * than `keepMs` ago (kept that long so "email me a new link" still recognises them).
 */
export async function deleteStalePortalRows(db: Db, now: Date, keepMs: number) {
  const before = new Date(now.getTime() - keepMs);
  await db.batch([
    db.delete(portalSessions).where(lte(portalSessions.expiresAt, now)),
    db
      .delete(portalLinks)
      .where(
        or(
          lte(portalLinks.expiresAt, before),
          and(isNotNull(portalLinks.revokedAt), lte(portalLinks.revokedAt, before)),
        ),
      ),
  ]);
}

export async function findLinkByHash(db: Db, tokenHash: string) {
  return db.select().from(portalLinks).where(eq(portalLinks.tokenHash, tokenHash)).get();
}

/**
 * Opens a session; `replacesTokenHash` (the session the browser already had) ends in the
 * same batch, so a browser never holds two live portal sessions after signing in again.
 */
export async function openPortalSession(
  db: Db,
  s: { tokenHash: string; tenantId: string; clientId: string; linkId: string; expiresAt: Date },
  now = new Date(),
  replacesTokenHash?: string,
) {
  const open = db.insert(portalSessions).values({ ...s, createdAt: now });
  const touch = db.update(portalLinks).set({ lastUsedAt: now }).where(eq(portalLinks.id, s.linkId));
  if (replacesTokenHash) {
    await db.batch([
      db.delete(portalSessions).where(eq(portalSessions.tokenHash, replacesTokenHash)),
      open,
      touch,
    ]);
  } else {
    await db.batch([open, touch]);
  }
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
    .where(and(eq(portalSessions.tokenHash, tokenHash), gt(portalSessions.expiresAt, now), portalOpen))
    .get();
}
