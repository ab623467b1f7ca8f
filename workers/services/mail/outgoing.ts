import { daysBetween, defaultTimeZone, isLanguage, type Language, todayIn } from '@clientele/core';
import {
  createEmail,
  type DocumentType,
  type EmailRow,
  getClient,
  getDocument,
  getEmail,
  getTenant,
  markEmailAttemptFailed,
  markEmailSent,
} from '@clientele/db';
import type { AppContext, TenantContext } from '../context';
import { creditNoteMail } from '../credit-notes/mail';
import { documentPdf, portalHome } from '../documents/pdf';
import { documentView } from '../documents/view';
import { composeNotice, isNoticeKind } from '../notices/compose';
import { emailedPortalLink } from '../portal/emailed-links';
import { type TicketMail, ticketMail } from '../tickets/mail';
import { ClientEmailCapError, mayEmailClients } from './client-email-cap';
import type { TemplateKind } from './defaults';
import { UnsafeHeaderError } from './header-values';
import { buildMime } from './mime';
import { effectiveTemplate } from './template-store';
import { renderTemplate } from './templates';
import type { Transport } from './transport';
import { type DocumentFacts, templateValues } from './values';

export interface EmailJob {
  tenantId: string;
  emailId: string;
}

/** The queue carries only ids; everything else is read fresh when the job runs. */
export async function enqueueEmail(ctx: AppContext, job: EmailJob, delaySeconds?: number) {
  await ctx.queue.send(job, { contentType: 'json', ...(delaySeconds ? { delaySeconds } : {}) });
}

/**
 * Records the email as queued and hands it to the queue; the request that triggered
 * it never waits for sending. If the queue refuses, the record says so.
 */
export async function queueDocumentEmail(
  ctx: TenantContext,
  doc: { id: string; type: DocumentType; clientId: string },
  idempotencyKey: string,
  kind: TemplateKind = doc.type,
  opts: CapOptions = {},
): Promise<EmailRow | null> {
  return queueClientEmail(ctx, { clientId: doc.clientId, documentId: doc.id, kind }, idempotencyKey, opts);
}

export interface CapOptions {
  /**
   * Over the daily cap of a business whose owner has not confirmed their address:
   * `refuse` (a person asked for this email: tell them why) or `skip` (the system sends it on
   * its own: a reminder, a receipt from Stripe, a portal link a client asked for).
   */
  whenCapped?: 'refuse' | 'skip';
}

/**
 * Queues an email of `kind` to the client's address on file (never to an address the
 * caller supplies); null when the client has none.
 */
export async function queueClientEmail(
  ctx: TenantContext,
  target: {
    clientId: string;
    documentId: string | null;
    kind: TemplateKind;
    ticketMessageId?: string;
    /** A reminder's step, whose own words it is sent with. */
    variant?: string | null;
  },
  idempotencyKey: string,
  opts: CapOptions = {},
): Promise<EmailRow | null> {
  const client = await getClient(ctx.db, ctx.tenantId, target.clientId);
  if (!client?.email) return null;
  if (!(await mayEmailClients(ctx))) {
    if (opts.whenCapped === 'skip') {
      ctx.log.warn('client email not sent: daily cap until the owner confirms their address', {
        kind: target.kind,
      });
      return null;
    }
    throw new ClientEmailCapError();
  }
  const email = await createEmail(
    ctx.db,
    ctx.tenantId,
    {
      clientId: client.id,
      documentId: target.documentId,
      ticketMessageId: target.ticketMessageId ?? null,
      kind: target.kind,
      variant: target.variant ?? null,
      to: client.email,
      idempotencyKey,
    },
    ctx.now,
  );
  return handToQueue(ctx, email);
}

/**
 * Hands a freshly recorded email to the queue (once: a replayed record is not re-sent);
 * if the queue refuses, the record says so.
 */
export async function handToQueue(
  ctx: TenantContext,
  email: EmailRow,
  delaySeconds?: number,
): Promise<EmailRow> {
  if (email.status !== 'queued' || email.attempts !== 0) return email;
  try {
    await enqueueEmail(ctx, { tenantId: ctx.tenantId, emailId: email.id }, delaySeconds);
  } catch (err) {
    await markEmailAttemptFailed(ctx.db, ctx.tenantId, email.id, {
      error: `Could not queue: ${String(err)}`,
      final: true,
    });
    return (await getEmail(ctx.db, ctx.tenantId, email.id)) ?? email;
  }
  return email;
}

export type SendOutcome = 'sent' | 'already-sent' | 'gone';

/**
 * Renders and sends one queued email. Safe to run again for the same job: an email
 * already marked sent is never sent twice.
 */
export async function deliverEmail(
  ctx: TenantContext,
  emailId: string,
  transport: Transport,
): Promise<SendOutcome> {
  const email = await getEmail(ctx.db, ctx.tenantId, emailId);
  if (!email) return 'gone';
  if (email.status === 'sent') return 'already-sent';
  // Composed once: a retry sends the very same message (one sign-in link minted per email,
  // same Message-ID), kept in R2 only until it is sent.
  const stored = await ctx.files.get(pendingKey(ctx.tenantId, email.id));
  let message: { subject: string; raw: string };
  if (stored) {
    message = { subject: stored.customMetadata?.subject ?? '', raw: await stored.text() };
  } else {
    const composed = await composeUnlessUnsafe(ctx, email);
    if (composed === 'gone') return 'gone';
    message = composed;
    await ctx.files.put(pendingKey(ctx.tenantId, email.id), message.raw, {
      httpMetadata: { contentType: 'message/rfc822' },
      customMetadata: { subject: message.subject },
    });
  }
  const { providerId } = await transport.send({
    tenantId: ctx.tenantId,
    emailId: email.id,
    from: ctx.config.mailFrom,
    to: email.to,
    subject: message.subject,
    raw: message.raw,
  });
  await markEmailSent(ctx.db, ctx.tenantId, email.id, { subject: message.subject, providerId }, ctx.now);
  await ctx.files.delete(pendingKey(ctx.tenantId, email.id));
  return 'sent';
}

/**
 * A header value the builder refuses (an address or our own Message-ID that is not valid)
 * will not get better on a retry: the email is marked failed once, with the reason.
 */
async function composeUnlessUnsafe(ctx: TenantContext, email: EmailRow) {
  try {
    return await composeEmail(ctx, email);
  } catch (err) {
    if (!(err instanceof UnsafeHeaderError)) throw err;
    await markEmailAttemptFailed(ctx.db, ctx.tenantId, email.id, { error: err.message, final: true });
    return 'gone' as const;
  }
}

export const pendingKey = (tenantId: string, emailId: string) => `mail/pending/${tenantId}/${emailId}.eml`;

/** The rendered message, ready to send; 'gone' when what it was about no longer exists. */
async function composeEmail(
  ctx: TenantContext,
  email: EmailRow,
): Promise<{ subject: string; raw: string } | 'gone'> {
  if (isNoticeKind(email.kind)) return composeNotice(ctx, email);
  const [tenant, client] = await Promise.all([
    getTenant(ctx.db, ctx.tenantId),
    email.clientId ? getClient(ctx.db, ctx.tenantId, email.clientId) : undefined,
  ]);
  if (!tenant || !client) return 'gone';
  const portalOpen = !client.archivedAt && !client.portalDisabledAt;
  if (email.kind === 'portal_link' && !portalOpen) {
    // Access was turned off after the email was queued: a sign-in link must not go out.
    await markEmailAttemptFailed(ctx.db, ctx.tenantId, email.id, {
      error: 'Portal access is turned off for this client; no sign-in link was sent',
      final: true,
    });
    return 'gone';
  }
  const language: Language = isLanguage(client.language) ? client.language : 'en';
  const kind = email.kind as TemplateKind;
  const attachments: { filename: string; contentType: string; bytes: Uint8Array }[] = [];
  let document: DocumentFacts | undefined;
  if (
    email.documentId &&
    (kind === 'invoice' || kind === 'estimate' || kind === 'reminder' || kind === 'receipt')
  ) {
    const type = kind === 'estimate' ? 'estimate' : 'invoice';
    const row = await getDocument(ctx.db, ctx.tenantId, type, email.documentId);
    if (!row) return 'gone';
    const view = documentView(row, ctx.now);
    document = {
      number: view.number,
      currency: view.currency,
      total: view.total,
      amountDue: view.amountDue,
      issueDate: view.issueDate,
      dueDate: view.dueDate,
      validUntil: view.validUntil,
    };
    if (kind !== 'receipt') {
      const pdf = await documentPdf(ctx, type, row.id);
      const bytes =
        pdf.body instanceof Uint8Array
          ? pdf.body
          : new Uint8Array(await new Response(pdf.body).arrayBuffer());
      attachments.push({ filename: pdf.filename, contentType: 'application/pdf', bytes });
    }
  }
  let extraValues: Record<string, string> | undefined;
  if (kind === 'credit_note') {
    const note = email.documentId ? await creditNoteMail(ctx, email.documentId) : undefined;
    if (!note) return 'gone';
    document = note.document;
    extraValues = note.values;
    attachments.push(note.attachment);
  }
  if (kind === 'reminder' && document?.dueDate) {
    // Counted in the business's day, as the cron decides which step is due.
    const days = daysBetween(todayIn(defaultTimeZone(tenant.country), ctx.now), document.dueDate);
    extraValues = {
      'invoice.daysUntilDue': String(Math.max(days, 0)),
      'invoice.daysOverdue': String(Math.max(-days, 0)),
    };
  }
  let ticket: TicketMail | undefined;
  if (kind === 'ticket_reply') {
    const found = email.ticketMessageId ? await ticketMail(ctx, email.ticketMessageId) : undefined;
    if (!found) return 'gone';
    ticket = found;
  }
  const step = kind === 'reminder' ? (email.variant ?? undefined) : undefined;
  const template = await effectiveTemplate(ctx, kind, language, client.id, step);
  const rendered = renderTemplate(
    template,
    templateValues(language, tenant, client, {
      document,
      // Without portal access the email points at the portal's front door, which signs nobody in.
      portalLink: portalOpen
        ? await emailedPortalLink(
            ctx,
            client.id,
            new URL(ctx.config.publicUrl).origin,
            ctx.config.portalLinkKey,
            tenant.portalLinkDays,
          )
        : portalHome(ctx),
      ...(ticket ? { values: ticket.values } : {}),
      ...(extraValues ? { values: extraValues } : {}),
    }),
  );
  const raw = buildMime({
    messageId: ticket?.messageId ?? `<${email.id}@${ctx.config.mailFrom.split('@')[1] ?? 'clientele.local'}>`,
    from: { name: tenant.name, addr: ctx.config.mailFrom },
    to: email.to,
    // A ticket reply answers to the thread's signed address, so the client's reply lands on it.
    replyTo: ticket?.replyTo ?? tenant.email,
    inReplyTo: ticket?.inReplyTo ?? null,
    references: ticket?.references ?? [],
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    attachments,
  });
  return { subject: rendered.subject, raw };
}
