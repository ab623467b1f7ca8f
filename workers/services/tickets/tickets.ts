import {
  addTicketMessage,
  createTicket,
  getClient,
  getTicket,
  listTickets,
  newId,
  setTicketStatus,
  type TicketAttachment,
  type TicketMessageRow,
  type TicketRow,
  type TicketStatus,
  ticketsAwaitingReply,
  ticketThread,
} from '@clientele/db';
import { auditLine, auditLineIfChanged } from '../audit';
import type { AppContext, TenantContext } from '../context';
import { type FieldRefusal, NotFoundError, say, ValidationError } from '../errors';
import { assertMayEmailClients } from '../mail/client-email-cap';
import { queueClientEmail } from '../mail/outgoing';
import { tellBusiness } from '../notices/notices';
import { type ClientScope, clientDocument } from '../portal/documents';
import { servedType } from './attachment-type';
import { countWrite, refuseIfFull } from './limits';
import type { MessageView, TicketView } from './schema';

/** Each attachment up to 10 MB, five per message. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export const toTicketView = (t: TicketRow & { clientName?: string }): TicketView => ({
  id: t.id,
  clientId: t.clientId,
  ...(t.clientName !== undefined ? { clientName: t.clientName } : {}),
  subject: t.subject,
  status: t.status,
  awaitingReply: t.status === 'open',
  invoiceId: t.invoiceId,
  lastMessageAt: t.lastMessageAt.toISOString(),
  createdAt: t.createdAt.toISOString(),
});

export const toMessageView = (m: TicketMessageRow): MessageView => ({
  id: m.id,
  author: m.author,
  via: m.via,
  authorName: m.authorName,
  body: m.body,
  internal: m.internal,
  attachments: m.attachments.map(({ id, name, contentType, size }) => ({ id, name, contentType, size })),
  createdAt: m.createdAt.toISOString(),
});

export interface Upload {
  name: string;
  type: string;
  size: number;
  bytes: () => Promise<ArrayBuffer>;
}

/** Checks every file before anything is stored: a refused message leaves nothing behind. */
export function checkUploads(files: Upload[], field = 'attachments') {
  const real = files.filter((f) => f.size > 0 && f.name);
  if (real.length > MAX_ATTACHMENTS) {
    throw new ValidationError([{ path: field, message: say('atMostFiles', MAX_ATTACHMENTS) }]);
  }
  const big = real.find((f) => f.size > MAX_ATTACHMENT_BYTES);
  if (big) throw new ValidationError([{ path: field, message: say('fileTooLarge', big.name) }]);
  return real;
}

/** A file name safe to show and to put in a header: no path separators or control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const safeName = (name: string) => name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 150) || 'attachment';

/**
 * Stores files in R2 under the ticket; the message row lists them. Every path (portal,
 * inbound mail) refuses or trims to `MAX_ATTACHMENTS` before calling this; the cap is
 * applied here again so that no path can ever store more for one message.
 */
export async function storeAttachments(
  ctx: Pick<AppContext, 'files'>,
  tenantId: string,
  ticketId: string,
  uploads: { name: string; type: string; bytes: ArrayBuffer | Uint8Array }[],
): Promise<TicketAttachment[]> {
  const out: TicketAttachment[] = [];
  for (const u of uploads.slice(0, MAX_ATTACHMENTS)) {
    const id = newId('att');
    const key = `tickets/${tenantId}/${ticketId}/${id}`;
    const name = safeName(u.name);
    const contentType = u.type || 'application/octet-stream';
    await ctx.files.put(key, u.bytes, { httpMetadata: { contentType }, customMetadata: { name } });
    out.push({ id, name, contentType, size: u.bytes.byteLength, key });
  }
  return out;
}

async function readUploads(files: Upload[]) {
  return Promise.all(files.map(async (f) => ({ name: f.name, type: f.type, bytes: await f.bytes() })));
}

function checkText(subject: string | null, body: string) {
  const errors: FieldRefusal[] = [];
  if (subject !== null && !subject.trim()) errors.push({ path: 'subject', message: 'addSubject' });
  if (subject !== null && subject.length > 200) errors.push({ path: 'subject', message: 'subjectTooLong' });
  if (!body.trim()) errors.push({ path: 'message', message: 'writeMessage' });
  if (body.length > 20_000) errors.push({ path: 'message', message: 'messageTooLong' });
  if (errors.length) throw new ValidationError(errors);
}

/**
 * The client opens a ticket from the portal, optionally about one of their invoices; the
 * business hears of it (dashboard, and email as its notice settings say).
 */
export async function openTicket(
  scope: ClientScope & { clientName: string },
  input: { subject: string; message: string; invoiceId: string | null; files: Upload[] },
) {
  const limit = { kind: 'tickets', tenantId: scope.ctx.tenantId, clientId: scope.clientId } as const;
  await refuseIfFull(scope.ctx.db, limit, scope.ctx.now);
  checkText(input.subject, input.message);
  const files = checkUploads(input.files);
  if (input.invoiceId && !(await clientDocument(scope, 'invoice', input.invoiceId))) {
    throw new ValidationError([{ path: 'invoiceId', message: 'chooseYourInvoice' }]);
  }
  // Counted only once the request is valid, and before any file reaches R2.
  await countWrite(scope.ctx.db, limit, scope.ctx.now);
  const id = newId('tkt');
  const attachments = await storeAttachments(scope.ctx, scope.ctx.tenantId, id, await readUploads(files));
  await createTicket(
    scope.ctx.db,
    scope.ctx.tenantId,
    { id, clientId: scope.clientId, subject: input.subject.trim(), invoiceId: input.invoiceId },
    {
      author: 'client',
      via: 'portal',
      authorName: scope.clientName,
      body: input.message.trim(),
      attachments,
    },
    scope.ctx.now,
  );
  await tellBusiness(scope.ctx, {
    kind: 'ticket_opened',
    clientId: scope.clientId,
    subjectId: id,
    facts: { clientName: scope.clientName, subject: input.subject.trim() },
  });
  return id;
}

export async function clientTickets(scope: ClientScope, cursor?: string) {
  const page = await listTickets(scope.ctx.db, scope.ctx.tenantId, {
    clientId: scope.clientId,
    cursor,
    limit: 50,
  });
  return { data: page.data.map(toTicketView), nextCursor: page.nextCursor };
}

/** One of the client's own tickets with its public messages; another client's is not found. */
export async function clientTicket(scope: ClientScope, id: string): Promise<TicketView> {
  const t = await getTicket(scope.ctx.db, scope.ctx.tenantId, id);
  if (!t || t.clientId !== scope.clientId) throw new NotFoundError('ticket');
  const messages = await ticketThread(scope.ctx.db, scope.ctx.tenantId, id, { internal: false });
  return { ...toTicketView(t), messages: messages.map(toMessageView) };
}

export async function replyAsClient(
  scope: ClientScope & { clientName: string },
  id: string,
  input: { message: string; files: Upload[] },
) {
  const t = await getTicket(scope.ctx.db, scope.ctx.tenantId, id);
  if (!t || t.clientId !== scope.clientId) throw new NotFoundError('ticket');
  const limit = { kind: 'messages', tenantId: scope.ctx.tenantId, ticketId: id } as const;
  await refuseIfFull(scope.ctx.db, limit, scope.ctx.now);
  checkText(null, input.message);
  const files = checkUploads(input.files);
  await countWrite(scope.ctx.db, limit, scope.ctx.now);
  const attachments = await storeAttachments(scope.ctx, scope.ctx.tenantId, id, await readUploads(files));
  await addTicketMessage(
    scope.ctx.db,
    scope.ctx.tenantId,
    id,
    {
      author: 'client',
      via: 'portal',
      authorName: scope.clientName,
      body: input.message.trim(),
      attachments,
    },
    scope.ctx.now,
  );
}

// ——— the business's side ———

export async function ticketList(
  ctx: TenantContext,
  q: {
    status?: TicketStatus | undefined;
    clientId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const page = await listTickets(ctx.db, ctx.tenantId, q);
  return { data: page.data.map(toTicketView), nextCursor: page.nextCursor };
}

export async function ticketForBusiness(ctx: TenantContext, id: string): Promise<TicketView> {
  const t = await getTicket(ctx.db, ctx.tenantId, id);
  if (!t) throw new NotFoundError('ticket');
  const [messages, client] = await Promise.all([
    ticketThread(ctx.db, ctx.tenantId, id, { internal: true }),
    getClient(ctx.db, ctx.tenantId, t.clientId),
  ]);
  return { ...toTicketView({ ...t, clientName: client?.name ?? '' }), messages: messages.map(toMessageView) };
}

export const awaitingReplyCount = (ctx: TenantContext) => ticketsAwaitingReply(ctx.db, ctx.tenantId);

/**
 * A reply from the business: on the thread at once, and (unless it is an internal note)
 * emailed to the client with the ticket's reply address, threaded after earlier mail.
 */
export async function replyAsStaff(
  ctx: TenantContext,
  id: string,
  input: { body: string; internal: boolean; authorName: string | null },
): Promise<MessageView> {
  const t = await getTicket(ctx.db, ctx.tenantId, id);
  if (!t) throw new NotFoundError('ticket');
  if (!input.body.trim()) throw new ValidationError([{ path: 'body', message: 'writeReply' }]);
  // Refused before the message is written, so the thread never shows a reply that was not sent.
  if (!input.internal) await assertMayEmailClients(ctx);
  const messageDomain = ctx.config.mailFrom.split('@')[1] ?? 'clientele.local';
  const msgId = newId('msg');
  const row = await addTicketMessage(
    ctx.db,
    ctx.tenantId,
    id,
    {
      id: msgId,
      author: 'staff',
      via: 'admin',
      authorName: input.authorName,
      body: input.body.trim(),
      internal: input.internal,
      attachments: [],
      // The email carrying it goes out under this Message-ID; a reply's In-Reply-To finds the thread by it.
      messageId: input.internal ? null : `<${msgId}@${messageDomain}>`,
    },
    ctx.now,
    () => [
      auditLine(
        ctx,
        input.internal ? 'ticket.noted' : 'ticket.replied',
        { type: 'ticket', id },
        { messageId: msgId },
      ),
    ],
  );
  if (!input.internal) {
    await queueClientEmail(
      ctx,
      { clientId: t.clientId, documentId: null, kind: 'ticket_reply', ticketMessageId: msgId },
      `ticket-reply:${msgId}`,
    );
  }
  return toMessageView(row);
}

export async function setStatus(ctx: TenantContext, id: string, status: 'open' | 'closed') {
  const t = await setTicketStatus(ctx.db, ctx.tenantId, id, status, ctx.now, () => [
    auditLineIfChanged(ctx, 'ticket.status_changed', { type: 'ticket', id }, { status }),
  ]);
  if (!t) throw new NotFoundError('ticket');
  return toTicketView(t);
}

/** An attachment of a ticket the caller may see (R2 key from the message row, never from input). */
export async function ticketAttachment(
  ctx: TenantContext,
  ticketId: string,
  attachmentId: string,
  opts: { clientId?: string },
) {
  const t = await getTicket(ctx.db, ctx.tenantId, ticketId);
  if (!t || (opts.clientId && t.clientId !== opts.clientId)) throw new NotFoundError('attachment');
  const thread = await ticketThread(ctx.db, ctx.tenantId, ticketId, { internal: !opts.clientId });
  const att = thread.flatMap((m) => m.attachments).find((a) => a.id === attachmentId);
  if (!att) throw new NotFoundError('attachment');
  const object = await ctx.files.get(att.key);
  if (!object) throw new NotFoundError('attachment');
  // Whole file in memory (10 MB at most): text and Office checks need more than the first bytes.
  const bytes = new Uint8Array(await object.arrayBuffer());
  return { bytes, attachment: att, served: servedType(bytes, att.name) };
}
