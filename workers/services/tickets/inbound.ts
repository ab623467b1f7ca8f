import {
  addTicketMessage,
  type Client,
  findTicketById,
  findTicketByMessageIds,
  getClient,
  hitRateLimit,
  messageIdSeen,
  type NewMessage,
  newId,
  recordInboundMail,
  type TicketMessageRow,
  type TicketRow,
} from '@clientele/db';
import type { Email } from 'postal-mime';
import type { AppContext } from '../context';
import { errorText } from '../log';
import { validMessageId, validMessageIds } from '../mail/message-id';
import { CLIENT_MESSAGES_PER_TICKET_PER_HOUR, countWrite, PortalLimitError } from './limits';
import { parseMail } from './parse-mail';
import { ticketIdOf, tokenMatches, tokenOf } from './reply-address';
import { replyText } from './reply-text';
import { verifySender } from './sender-verification';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, storeAttachments } from './tickets';

/** Cloudflare Email Routing's own ceiling; anything larger is refused before parsing. */
export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;
/** Inbound messages one envelope sender may send in an hour, whatever they are. */
export const MAX_INBOUND_PER_SENDER_PER_HOUR = 30;
/** Real mail nests a few levels; hundreds only cost CPU (postal-mime's own default is 256). */
const MAX_MIME_DEPTH = 40;

export const SENDER_NOT_VERIFIED = 'Sender not verified';
const NOT_THE_CLIENT =
  "Replies to this conversation are accepted only from the client's email address on file";

export interface InboundMessage {
  from: string;
  to: string;
  rawSize: number;
  raw: ReadableStream<Uint8Array> | ArrayBuffer | string;
}

export type InboundResult =
  | { action: 'accept'; ticketId: string; messageId: string }
  | { action: 'ignore'; reason: string }
  | { action: 'reject'; reason: string };

type Outcome = 'accepted' | 'rejected' | 'ignored' | 'duplicate';

const AUTO_SUBJECT =
  /^\s*(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|autoreply|abwesenheit|автоответ|автоматический ответ|自動返信|自動応答|不在|risposta automatica|fuori sede|resposta autom[áa]tica|fora do escrit[óo]rio|undeliverable|undelivered mail|delivery status notification|mail delivery (failed|subsystem)|returned mail)/i;

/** Out-of-office notes, vacation responders, list mail and bounces: never a ticket message. */
function automatedReason(mail: Email, envelopeFrom: string): string | null {
  const header = (name: string) =>
    mail.headers
      .find((h) => h.key === name)
      ?.value.trim()
      .toLowerCase();
  const auto = header('auto-submitted');
  if (auto && auto !== 'no') return `Auto-Submitted: ${auto}`;
  if (header('x-autoreply') || header('x-autorespond')) return 'auto-reply header';
  const precedence = header('precedence');
  if (precedence && ['auto_reply', 'bulk', 'junk', 'list'].includes(precedence))
    return `Precedence: ${precedence}`;
  if (header('content-type')?.startsWith('multipart/report')) return 'delivery report (bounce)';
  if (!envelopeFrom || /^(mailer-daemon|postmaster)@/i.test(envelopeFrom))
    return 'bounce (null or daemon sender)';
  if (AUTO_SUBJECT.test(mail.subject ?? '')) return `automatic subject: ${mail.subject}`;
  return null;
}

/** Our own outgoing Message-IDs this mail answers (In-Reply-To first, then References). */
function answeredIds(mail: Email): string[] {
  const ids = [...validMessageIds(mail.references), ...validMessageIds(mail.inReplyTo)];
  return [...new Set(ids)].reverse();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Inbound text kept for display (log, author name): one line, no control characters, bounded. */
export const cleanLine = (value: string | null | undefined, max: number) =>
  value ? value.replace(CONTROL, ' ').trim().slice(0, max) || null : null;

/** Real files of a message (inline images are part of its body, not attachments). */
export function attachmentsOf(mail: Email) {
  return mail.attachments.filter((a) => a.disposition !== 'inline' && a.content instanceof ArrayBuffer);
}

/** The held raw message of a log line, under its business. */
export const heldRawKey = (tenantId: string, logId: string) => `inbound/${tenantId}/${logId}.eml`;

export const parseInbound = (raw: ArrayBuffer) =>
  parseMail(raw, { attachmentEncoding: 'arraybuffer', maxNestingDepth: MAX_MIME_DEPTH });

/** What a log line knows of the message beyond its envelope, as far as it got. */
interface RecordExtra {
  tenantId?: string | null;
  ticketId?: string | null;
  subject?: string | null;
  messageId?: string | null;
  id?: string;
  rawKey?: string | null;
}

/**
 * One inbound email to the reply domain. It lands on a thread only when the address's token
 * was made for that ticket (or it answers one of our Message-IDs) and its sender is verified as
 * the client (`verifySender`). Everything else is refused with a reason, set aside
 * (auto-replies, duplicates) or held for the business to accept (sender not verified), and
 * exactly one outcome is recorded per message, malformed ones included — nothing vanishes.
 */
export async function receiveInboundEmail(ctx: AppContext, message: InboundMessage): Promise<InboundResult> {
  const { db, now } = ctx;
  let recorded = false;
  const record: Recorder = async (outcome, reason, extra = {}) => {
    await recordInboundMail(db, {
      from: cleanLine(message.from, 320) ?? '',
      to: cleanLine(message.to, 320) ?? '',
      receivedAt: now,
      tenantId: extra.tenantId ?? null,
      ticketId: extra.ticketId ?? null,
      subject: cleanLine(extra.subject, 500),
      messageId: extra.messageId ?? null,
      outcome,
      reason: cleanLine(reason, 1000),
      ...(extra.id ? { id: extra.id } : {}),
      rawKey: extra.rawKey ?? null,
    });
    recorded = true;
  };
  try {
    return await receive(ctx, message, record);
  } catch (err) {
    // Whatever went wrong, the message gets its one line in the log and a refusal, never a throw
    // back to Email Routing (which would leave no trace for the business).
    if (recorded) return { action: 'reject', reason: 'This message could not be processed' };
    ctx.log.error('inbound mail failed', { error: errorText(err) });
    const reason = 'This message could not be processed';
    await record('rejected', reason);
    return { action: 'reject', reason };
  }
}

type Recorder = (outcome: Outcome, reason: string | null, extra?: RecordExtra) => Promise<void>;

async function receive(ctx: AppContext, message: InboundMessage, record: Recorder): Promise<InboundResult> {
  const { db, now } = ctx;
  const token = tokenOf(message.to, ctx.config.inboundEmailDomain);
  const named = token ? await findTicketById(db, ticketIdOf(token)) : undefined;
  const where = { tenantId: named?.tenantId ?? null, ticketId: named?.id ?? null };

  // Counted before anything costly (parsing, storage): a flood is refused per envelope sender.
  // The window is per reply address too, so mail forged with a client's envelope to any other
  // address cannot use up that client's replies; it needs the address only the client was sent.
  const sender = message.from.trim().toLowerCase().slice(0, 320);
  const hits = await hitRateLimit(db, `inbound-mail:${named?.id ?? '-'}:${sender}`, 60 * 60 * 1000, now);
  if (hits.count > MAX_INBOUND_PER_SENDER_PER_HOUR) {
    const reason = `Too many messages from this sender (at most ${MAX_INBOUND_PER_SENDER_PER_HOUR} an hour)`;
    await record('rejected', reason, where);
    return { action: 'reject', reason };
  }
  if (message.rawSize > MAX_INBOUND_BYTES) {
    const reason = 'Message too large: replies are limited to 25 MB';
    await record('rejected', reason, where);
    return { action: 'reject', reason };
  }
  const raw = await new Response(message.raw).arrayBuffer();
  let mail: Email;
  try {
    mail = await parseInbound(raw);
  } catch {
    const reason = 'This message is malformed and could not be read';
    await record('rejected', reason, where);
    return { action: 'reject', reason };
  }
  const subject = mail.subject ?? null;
  const messageId = validMessageId(mail.messageId);

  let ticket: TicketRow | undefined;
  if (token) {
    if (named && (await tokenMatches(ctx.config.replyTokenKey, token, named))) ticket = named;
    else {
      const reason = 'This reply address is not valid';
      await record('rejected', reason, { tenantId: named?.tenantId ?? null, subject, messageId });
      return { action: 'reject', reason };
    }
  } else {
    ticket = await findTicketByMessageIds(db, answeredIds(mail));
  }
  if (!ticket) {
    const reason = 'No conversation matches this address; please write from the client portal';
    await record('rejected', reason, { subject, messageId });
    return { action: 'reject', reason };
  }
  const scope = { tenantId: ticket.tenantId, ticketId: ticket.id, subject, messageId };

  const automated = automatedReason(mail, message.from);
  if (automated) {
    await record('ignored', `Automatic message (${automated}); not added to the conversation`, scope);
    return { action: 'ignore', reason: automated };
  }
  if (messageId && (await messageIdSeen(db, ticket.tenantId, messageId))) {
    await record('duplicate', 'Already on the conversation (same Message-ID)', scope);
    return { action: 'ignore', reason: 'duplicate' };
  }
  if (attachmentsOf(mail).length > MAX_ATTACHMENTS) {
    const reason = `Too many attachments (at most ${MAX_ATTACHMENTS} per message)`;
    await record('rejected', reason, scope);
    return { action: 'reject', reason };
  }
  const client = await getClient(db, ticket.tenantId, ticket.clientId);
  const check = verifySender({
    envelopeFrom: message.from,
    headerFrom: mail.from?.address,
    clientEmail: client?.email,
    headers: mail.headers,
  });
  if (!check.ok || !client) {
    if (check.ok || !check.fromIsClient) {
      // Someone else writing: refused, and nothing of it kept that could be taken onto the thread.
      await record('rejected', NOT_THE_CLIENT, scope);
      return { action: 'reject', reason: NOT_THE_CLIENT };
    }
    // The client's From without proof: kept so the business can still take it onto the thread
    // from the log with one action, and held quietly — a bounce would tell a spoofer what failed
    // and a real client that a reply the business may still accept was lost.
    const id = newId('inm');
    const rawKey = heldRawKey(ticket.tenantId, id);
    await ctx.files.put(rawKey, raw, { httpMetadata: { contentType: 'message/rfc822' } });
    await record('rejected', SENDER_NOT_VERIFIED, { ...scope, id, rawKey });
    return { action: 'ignore', reason: SENDER_NOT_VERIFIED };
  }
  // One window per conversation, whichever way the client writes: portal and email together.
  try {
    await countWrite(db, { kind: 'messages', tenantId: ticket.tenantId, ticketId: ticket.id }, now);
  } catch (err) {
    if (!(err instanceof PortalLimitError)) throw err;
    const reason = `Too many messages on this conversation (at most ${CLIENT_MESSAGES_PER_TICKET_PER_HOUR} an hour)`;
    await record('rejected', reason, scope);
    return { action: 'reject', reason };
  }

  const appended = await appendReply(ctx, ticket, client, mail, messageId, (m) =>
    addTicketMessage(db, ticket.tenantId, ticket.id, m, now),
  );
  if (appended === 'empty') {
    await record('ignored', 'Empty reply (only quoted text)', scope);
    return { action: 'ignore', reason: 'empty' };
  }
  if (appended === 'duplicate') {
    // The same email delivered twice at once: the Message-ID's unique key let one through.
    await record('duplicate', 'Already on the conversation (same Message-ID)', scope);
    return { action: 'ignore', reason: 'duplicate' };
  }
  await record('accepted', null, scope);
  return { action: 'accept', ticketId: ticket.id, messageId: appended.id };
}

/**
 * Puts a reply on its thread: the text without the quoted history, the attachments in R2.
 * `write` adds the row (alone, or in a batch with more); if it fails the stored files are
 * removed again, so a refused reply leaves nothing behind. The same path for a verified reply
 * and for one the business accepts from the log.
 */
export async function appendReply(
  ctx: AppContext,
  ticket: TicketRow,
  client: Client,
  mail: Email,
  messageId: string | null,
  write: (message: NewMessage) => Promise<TicketMessageRow>,
): Promise<TicketMessageRow | 'empty' | 'duplicate'> {
  const body = replyText({ text: mail.text, html: mail.html });
  const kept = attachmentsOf(mail).filter(
    (a) => (a.content as ArrayBuffer).byteLength <= MAX_ATTACHMENT_BYTES,
  );
  if (!body && kept.length === 0) return 'empty';
  const attachments = await storeAttachments(
    ctx,
    ticket.tenantId,
    ticket.id,
    kept.map((a) => ({
      name: a.filename ?? 'attachment',
      type: a.mimeType,
      bytes: a.content as ArrayBuffer,
    })),
  );
  try {
    return await write({
      author: 'client',
      via: 'email',
      authorName: cleanLine(mail.from?.name, 200) || client.name,
      body: body || '(attachments only)',
      attachments,
      messageId,
    });
  } catch (err) {
    await Promise.all(attachments.map((a) => ctx.files.delete(a.key)));
    if (messageId && (await messageIdSeen(ctx.db, ticket.tenantId, messageId))) return 'duplicate';
    throw err;
  }
}
