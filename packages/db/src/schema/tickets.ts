import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients } from './clients';
import { timestamp } from './columns';
import { tenants } from './tenants';

export const TICKET_STATUSES = ['open', 'waiting', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * A client's question to the business. `open` waits on the business (the badge counts
 * those), `waiting` waits on the client, `closed` is done until either side writes again.
 */
export const tickets = sqliteTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id),
    subject: text('subject').notNull(),
    status: text('status', { enum: TICKET_STATUSES }).notNull(),
    /** The invoice the client asked about, if any. */
    invoiceId: text('invoice_id'),
    lastMessageAt: timestamp('last_message_at').notNull(),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    index('tickets_inbox_idx').on(t.tenantId, t.status, t.lastMessageAt),
    index('tickets_client_idx').on(t.tenantId, t.clientId, t.lastMessageAt),
  ],
);

export interface TicketAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  key: string;
}

/**
 * One message on a thread. `internal` notes are the business's own and never reach the
 * client. `messageId` is the RFC 5322 Message-ID: of the email a reply arrived in (so a
 * redelivered email lands once) or of the email a staff reply went out as (threading).
 */
export const ticketMessages = sqliteTable(
  'ticket_messages',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id),
    author: text('author', { enum: ['client', 'staff'] }).notNull(),
    via: text('via', { enum: ['portal', 'email', 'admin'] }).notNull(),
    authorName: text('author_name'),
    body: text('body').notNull(),
    internal: integer('internal', { mode: 'boolean' }).notNull().default(false),
    attachments: text('attachments', { mode: 'json' }).$type<TicketAttachment[]>().notNull(),
    messageId: text('message_id'),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    index('ticket_messages_thread_idx').on(t.tenantId, t.ticketId, t.createdAt),
    uniqueIndex('ticket_messages_message_id_idx').on(t.tenantId, t.messageId),
  ],
);

/**
 * Mail the Email Worker turned away or set aside (wrong sender, unknown address, auto-
 * replies, too large): never dropped silently. `tenantId` is null when no business could
 * be told from the address.
 */
export const inboundMail = sqliteTable(
  'inbound_mail',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id'),
    ticketId: text('ticket_id'),
    from: text('from_address').notNull(),
    to: text('to_address').notNull(),
    subject: text('subject'),
    outcome: text('outcome', { enum: ['accepted', 'rejected', 'ignored', 'duplicate'] }).notNull(),
    reason: text('reason'),
    messageId: text('message_id'),
    /**
     * R2 key of the raw message, kept only while the business may still accept it onto the
     * thread (a reply whose sender could not be verified); cleared once accepted.
     */
    rawKey: text('raw_key'),
    receivedAt: timestamp('received_at').notNull(),
  },
  (t) => [
    index('inbound_mail_tenant_idx').on(t.tenantId, t.receivedAt),
    // The clean-up walks only the few rows still holding a raw message, oldest first.
    index('inbound_mail_held_idx').on(t.receivedAt).where(sql`${t.rawKey} is not null`),
  ],
);

export type TicketRow = typeof tickets.$inferSelect;
export type TicketMessageRow = typeof ticketMessages.$inferSelect;
export type InboundMailRow = typeof inboundMail.$inferSelect;
