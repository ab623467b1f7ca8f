import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clients } from './clients';
import { timestamp } from './columns';
import { tenants } from './tenants';

/** Magic links: only the SHA-256 of the token is stored, never the token itself. */
export const portalLinks = sqliteTable(
  'portal_links',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    tokenHash: text('token_hash').notNull().unique(),
    /**
     * `email`: minted for the business's emails, its token derived from the link id with a
     * Worker secret so later emails can carry the same link; `admin`: random, shown once.
     */
    source: text('source', { enum: ['admin', 'email'] })
      .notNull()
      .default('admin'),
    createdAt: timestamp('created_at').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
    lastUsedAt: timestamp('last_used_at'),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [
    index('portal_links_client_idx').on(t.tenantId, t.clientId, t.createdAt),
    index('portal_links_expires_idx').on(t.expiresAt),
  ],
);

/** A client's signed-in portal session, bound to one client of one business. */
export const portalSessions = sqliteTable(
  'portal_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    clientId: text('client_id').notNull(),
    linkId: text('link_id').notNull(),
    createdAt: timestamp('created_at').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
  },
  (t) => [
    index('portal_sessions_link_idx').on(t.linkId),
    index('portal_sessions_client_idx').on(t.tenantId, t.clientId),
    index('portal_sessions_expires_idx').on(t.expiresAt),
  ],
);

export type PortalLinkRow = typeof portalLinks.$inferSelect;
