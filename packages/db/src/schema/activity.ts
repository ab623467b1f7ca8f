import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';
import { tenants } from './tenants';

export const ACTIVITY_KINDS = [
  'estimate_accepted',
  'estimate_rejected',
  'payment_received',
  'ticket_opened',
  'payment_disputed',
  'dispute_closed',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** What a client did that the business should hear about: `facts` freeze the wording's inputs. */
export interface ActivityFacts {
  clientName: string;
  number?: string | null;
  amount?: number;
  currency?: string;
  subject?: string;
  reason?: string | null;
}

/** Client actions, newest first on the dashboard, and the source of notice emails. */
export const activity = sqliteTable(
  'activity',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    clientId: text('client_id').notNull(),
    /** The estimate, invoice or ticket it is about. */
    subjectId: text('subject_id').notNull(),
    facts: text('facts', { mode: 'json' }).$type<ActivityFacts>().notNull(),
    /**
     * Past the hourly number of notice emails, the notice goes out in this one digest
     * email for the hour instead of its own.
     */
    digestEmailId: text('digest_email_id'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    index('activity_tenant_idx').on(t.tenantId, t.createdAt),
    index('activity_digest_idx').on(t.tenantId, t.digestEmailId),
  ],
);

export type ActivityRow = typeof activity.$inferSelect;
