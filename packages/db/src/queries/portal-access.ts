import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { clients, portalLinks, portalSessions } from '../schema';

/** A client that may use the portal: not archived, access not turned off. */
export const portalOpen = and(isNull(clients.archivedAt), isNull(clients.portalDisabledAt));

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
 * Statements that end a client's portal access at once: every link revoked, every
 * session signed out. Run in the same batch as whatever closes access (archive, switch).
 */
export function endPortalAccessStatements(db: Db, tenantId: string, clientId: string, now: Date) {
  return [
    db
      .update(portalLinks)
      .set({ revokedAt: now })
      .where(
        and(
          eq(portalLinks.tenantId, tenantId),
          eq(portalLinks.clientId, clientId),
          isNull(portalLinks.revokedAt),
        ),
      ),
    db
      .delete(portalSessions)
      .where(and(eq(portalSessions.tenantId, tenantId), eq(portalSessions.clientId, clientId))),
  ] as const;
}
