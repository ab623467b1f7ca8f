import { and, asc, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { decodeCursor, encodeCursor, type Page } from '../pagination';
import {
  clients,
  type TicketAttachment,
  type TicketMessageRow,
  type TicketRow,
  type TicketStatus,
  ticketMessages,
  tickets,
} from '../schema';
import { type Beside, NOTHING_BESIDE, writeBeside } from './beside';
import { InvalidCursorError } from './clients';

export interface NewMessage {
  id?: string;
  author: 'client' | 'staff';
  via: 'portal' | 'email' | 'admin';
  authorName: string | null;
  body: string;
  internal?: boolean;
  attachments: TicketAttachment[];
  messageId?: string | null;
}

/** A new ticket and its first message, together. */
export async function createTicket(
  db: Db,
  tenantId: string,
  t: { id?: string; clientId: string; subject: string; invoiceId: string | null },
  first: NewMessage,
  now: Date,
) {
  const id = t.id ?? newId('tkt');
  await db.batch([
    db.insert(tickets).values({
      id,
      tenantId,
      clientId: t.clientId,
      subject: t.subject,
      invoiceId: t.invoiceId,
      status: 'open',
      lastMessageAt: now,
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(ticketMessages).values(messageRow(tenantId, id, first, now)),
  ]);
  return id;
}

function messageRow(tenantId: string, ticketId: string, m: NewMessage, now: Date) {
  return {
    id: m.id ?? newId('msg'),
    tenantId,
    ticketId,
    author: m.author,
    via: m.via,
    authorName: m.authorName,
    body: m.body,
    internal: m.internal ?? false,
    attachments: m.attachments,
    messageId: m.messageId ?? null,
    createdAt: now,
  };
}

/**
 * A message and what it does to the thread, in one batch: a client's message puts the
 * ticket back in the business's queue (`open`), a staff reply waits on the client, an
 * internal note changes nothing but the note list. A duplicate Message-ID fails the batch.
 */
export async function addTicketMessage(
  db: Db,
  tenantId: string,
  ticketId: string,
  m: NewMessage,
  now: Date,
  beside: Beside = NOTHING_BESIDE,
) {
  const { row, writes } = ticketMessageWrites(db, tenantId, ticketId, m, now);
  await db.batch([...writes, ...beside(ticketId)]);
  return row;
}

/** The statements of `addTicketMessage`, for a caller that writes more in the same batch. */
export function ticketMessageWrites(db: Db, tenantId: string, ticketId: string, m: NewMessage, now: Date) {
  const row = messageRow(tenantId, ticketId, m, now);
  const status: TicketStatus | null = m.internal ? null : m.author === 'client' ? 'open' : 'waiting';
  const writes = [
    db.insert(ticketMessages).values(row),
    db
      .update(tickets)
      .set({
        ...(status ? { status, lastMessageAt: now } : {}),
        updatedAt: now,
      })
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, ticketId))),
  ] as const;
  return { row, writes };
}

export async function setTicketStatus(
  db: Db,
  tenantId: string,
  id: string,
  status: TicketStatus,
  now: Date,
  beside: Beside = NOTHING_BESIDE,
) {
  const update = db
    .update(tickets)
    .set({ status, updatedAt: now })
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)))
    .returning();
  return (await writeBeside(db, update, beside(id)))[0];
}

export async function getTicket(db: Db, tenantId: string, id: string) {
  return db
    .select()
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, id)))
    .get();
}

/** The ticket a reply address names, whichever business it belongs to (the token is checked after). */
export async function findTicketById(db: Db, id: string) {
  return db.select().from(tickets).where(eq(tickets.id, id)).get();
}

/** The ticket one of our own outgoing Message-IDs belongs to (In-Reply-To / References). */
export async function findTicketByMessageIds(db: Db, messageIds: string[]) {
  if (messageIds.length === 0) return undefined;
  const found = await db
    .select({ ticketId: ticketMessages.ticketId })
    .from(ticketMessages)
    .where(
      and(inArray(ticketMessages.messageId, messageIds.slice(0, 50)), eq(ticketMessages.author, 'staff')),
    )
    .limit(1)
    .get();
  return found ? findTicketById(db, found.ticketId) : undefined;
}

export async function messageIdSeen(db: Db, tenantId: string, messageId: string) {
  const row = await db
    .select({ id: ticketMessages.id })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.tenantId, tenantId), eq(ticketMessages.messageId, messageId)))
    .get();
  return Boolean(row);
}

export async function ticketThread(db: Db, tenantId: string, ticketId: string, opts: { internal: boolean }) {
  const where = [eq(ticketMessages.tenantId, tenantId), eq(ticketMessages.ticketId, ticketId)];
  if (!opts.internal) where.push(eq(ticketMessages.internal, false));
  return db
    .select()
    .from(ticketMessages)
    .where(and(...where))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id))
    .limit(500)
    .all();
}

export type TicketListRow = TicketRow & { clientName: string };

export async function listTickets(
  db: Db,
  tenantId: string,
  opts: {
    status?: TicketStatus | undefined;
    clientId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<Page<TicketListRow>> {
  const where = [eq(tickets.tenantId, tenantId)];
  if (opts.status) where.push(eq(tickets.status, opts.status));
  if (opts.clientId) where.push(eq(tickets.clientId, opts.clientId));
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor);
    if (!c) throw new InvalidCursorError();
    const at = new Date(c.createdAt);
    where.push(or(lt(tickets.lastMessageAt, at), and(eq(tickets.lastMessageAt, at), lt(tickets.id, c.id)))!);
  }
  const rows = await db
    .select({ ticket: tickets, clientName: clients.name })
    .from(tickets)
    .innerJoin(clients, and(eq(clients.tenantId, tickets.tenantId), eq(clients.id, tickets.clientId)))
    .where(and(...where))
    .orderBy(desc(tickets.lastMessageAt), desc(tickets.id))
    .limit(opts.limit + 1)
    .all();
  const data = rows.slice(0, opts.limit).map((r) => ({ ...r.ticket, clientName: r.clientName }));
  const last = data.at(-1);
  return {
    data,
    nextCursor:
      rows.length > opts.limit && last
        ? encodeCursor({ createdAt: last.lastMessageAt.getTime(), id: last.id })
        : null,
  };
}

/** Tickets waiting on the business: the Support badge. */
export async function ticketsAwaitingReply(db: Db, tenantId: string) {
  const row = await db
    .select({ n: count() })
    .from(tickets)
    .where(and(eq(tickets.tenantId, tenantId), eq(tickets.status, 'open')))
    .get();
  return row?.n ?? 0;
}

/** The messages of a thread that went out or came in by email, oldest first (References). */
export async function threadMessageIds(db: Db, tenantId: string, ticketId: string) {
  const rows = await db
    .select({ messageId: ticketMessages.messageId, author: ticketMessages.author })
    .from(ticketMessages)
    .where(
      and(
        eq(ticketMessages.tenantId, tenantId),
        eq(ticketMessages.ticketId, ticketId),
        sql`${ticketMessages.messageId} IS NOT NULL`,
      ),
    )
    .orderBy(asc(ticketMessages.createdAt))
    .all();
  return rows as { messageId: string; author: 'client' | 'staff' }[];
}

export async function getTicketMessage(db: Db, tenantId: string, id: string) {
  return db
    .select()
    .from(ticketMessages)
    .where(and(eq(ticketMessages.tenantId, tenantId), eq(ticketMessages.id, id)))
    .get();
}

export type { TicketAttachment, TicketMessageRow, TicketRow, TicketStatus };
