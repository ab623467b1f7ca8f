import {
  addTicketMessage,
  type Db,
  findTicketById,
  findTicketByMessageIds,
  getClient,
  messageIdSeen,
  recordInboundMail,
  type TicketRow,
} from '@clientele/db';
import type { Email } from 'postal-mime';
import { parseMail } from './parse-mail';
import { ticketIdOf, tokenMatches, tokenOf } from './reply-address';
import { replyText } from './reply-text';
import { MAX_ATTACHMENT_BYTES, storeAttachments } from './tickets';

/** Cloudflare Email Routing's own ceiling; anything larger is refused before parsing. */
export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;

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

type InboundEnv = Pick<Env, 'REPLY_TOKEN_KEY' | 'INBOUND_EMAIL_DOMAIN' | 'FILES'>;

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
  const ids = `${mail.inReplyTo ?? ''} ${mail.references ?? ''}`.match(/<[^<>\s]+>/g) ?? [];
  return [...new Set(ids)].reverse();
}

/**
 * One inbound email to the reply domain. It lands on a thread only when the address's
 * token was made for that ticket (or it answers one of our Message-IDs) and it comes from
 * the client's address on file; everything else is refused with a reason, or set aside
 * (auto-replies, duplicates), and every outcome is recorded — nothing vanishes.
 */
export async function receiveInboundEmail(
  db: Db,
  env: InboundEnv,
  message: InboundMessage,
  now: Date,
): Promise<InboundResult> {
  const base = { from: message.from, to: message.to, receivedAt: now };
  const record = async (
    outcome: 'accepted' | 'rejected' | 'ignored' | 'duplicate',
    reason: string | null,
    extra: {
      tenantId?: string | null;
      ticketId?: string | null;
      subject?: string | null;
      messageId?: string | null;
    } = {},
  ) =>
    recordInboundMail(db, {
      ...base,
      tenantId: extra.tenantId ?? null,
      ticketId: extra.ticketId ?? null,
      subject: extra.subject ?? null,
      messageId: extra.messageId ?? null,
      outcome,
      reason,
    });

  const token = tokenOf(message.to, env.INBOUND_EMAIL_DOMAIN);
  const named = token ? await findTicketById(db, ticketIdOf(token)) : undefined;
  if (message.rawSize > MAX_INBOUND_BYTES) {
    const reason = 'Message too large: replies are limited to 25 MB';
    await record('rejected', reason, { tenantId: named?.tenantId ?? null, ticketId: named?.id ?? null });
    return { action: 'reject', reason };
  }
  const mail = await parseMail(message.raw, { attachmentEncoding: 'arraybuffer' });
  const subject = mail.subject ?? null;
  const messageId = mail.messageId?.trim() || null;

  let ticket: TicketRow | undefined;
  if (token) {
    if (named && (await tokenMatches(env.REPLY_TOKEN_KEY, token, named))) ticket = named;
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
  const client = await getClient(db, ticket.tenantId, ticket.clientId);
  const senders = [message.from, mail.from?.address ?? ''].map((a) => a.trim().toLowerCase());
  if (!client?.email || !senders.includes(client.email.trim().toLowerCase())) {
    const reason = "Replies to this conversation are accepted only from the client's email address on file";
    await record('rejected', reason, scope);
    return { action: 'reject', reason };
  }

  const body = replyText({ text: mail.text, html: mail.html });
  const files = mail.attachments.filter(
    (a) =>
      a.disposition !== 'inline' &&
      a.content instanceof ArrayBuffer &&
      a.content.byteLength <= MAX_ATTACHMENT_BYTES,
  );
  if (!body && files.length === 0) {
    await record('ignored', 'Empty reply (only quoted text)', scope);
    return { action: 'ignore', reason: 'empty' };
  }
  const attachments = await storeAttachments(
    env.FILES,
    ticket.tenantId,
    ticket.id,
    files.map((a) => ({
      name: a.filename ?? 'attachment',
      type: a.mimeType,
      bytes: a.content as ArrayBuffer,
    })),
  );
  try {
    const row = await addTicketMessage(
      db,
      ticket.tenantId,
      ticket.id,
      {
        author: 'client',
        via: 'email',
        authorName: mail.from?.name || client.name,
        body: body || '(attachments only)',
        attachments,
        messageId,
      },
      now,
    );
    await record('accepted', null, scope);
    return { action: 'accept', ticketId: ticket.id, messageId: row.id };
  } catch (err) {
    // The same email delivered twice at once: the Message-ID's unique key let one through.
    if (messageId && (await messageIdSeen(db, ticket.tenantId, messageId))) {
      await record('duplicate', 'Already on the conversation (same Message-ID)', scope);
      return { action: 'ignore', reason: 'duplicate' };
    }
    throw err;
  }
}
