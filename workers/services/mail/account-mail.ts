import { createEmail, newId } from '@clientele/db';
import type { TenantContext } from '../context';
import { buildMime } from './mime';
import { handToQueue, pendingKey } from './outgoing';
import { escapeHtml } from './templates';

/** Emails to people of the business about their account, never to its clients. */
export type AccountMailKind =
  | 'account_password_reset'
  | 'account_password_changed'
  | 'account_verify_email'
  | 'account_email_changed'
  | 'account_invitation'
  | 'account_export_ready'
  | 'account_business_closed'
  | 'account_security';

export interface AccountMail {
  kind: AccountMailKind;
  to: string;
  subject: string;
  /** Paragraphs of plain text; a link is given apart so the HTML part can make it a button. */
  paragraphs: string[];
  link?: { url: string; label: string };
  /** Same key, same email: a retried request does not send it twice. */
  idempotencyKey?: string;
}

/**
 * Composes the message now and keeps it in R2 until it is sent (as every queued email is):
 * a link carrying a one-time token exists only there and in the recipient's mailbox, never in
 * the database, which keeps the token's hash alone.
 */
export async function queueAccountEmail(ctx: TenantContext, mail: AccountMail) {
  const id = newId('eml');
  const domain = ctx.config.mailFrom.split('@')[1] ?? 'clientele.local';
  const text = [...mail.paragraphs, ...(mail.link ? [`${mail.link.label}: ${mail.link.url}`] : [])].join(
    '\n\n',
  );
  const button = mail.link
    ? `<p><a href="${escapeHtml(mail.link.url)}" style="display:inline-block;padding:10px 18px;background:#1f6feb;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(mail.link.label)}</a></p><p style="font-size:13px;color:#57606a;word-break:break-all">${escapeHtml(mail.link.url)}</p>`
    : '';
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title></head><body style="font-family:system-ui,-apple-system,'Segoe UI','Noto Sans',sans-serif;line-height:1.5;color:#1b1f24">${mail.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${button}</body></html>`;
  const raw = buildMime({
    messageId: `<${id}@${domain}>`,
    from: { name: 'Clientele', addr: ctx.config.mailFrom },
    to: mail.to,
    replyTo: null,
    subject: mail.subject,
    text,
    html,
    attachments: [],
  });
  const email = await createEmail(
    ctx.db,
    ctx.tenantId,
    {
      clientId: null,
      documentId: null,
      kind: mail.kind,
      to: mail.to,
      idempotencyKey: mail.idempotencyKey ?? `account:${id}`,
    },
    ctx.now,
  );
  if (email.status === 'queued' && email.attempts === 0) {
    await ctx.files.put(pendingKey(ctx.tenantId, email.id), raw, {
      httpMetadata: { contentType: 'message/rfc822' },
      customMetadata: { subject: mail.subject },
    });
  }
  return handToQueue(ctx, email);
}
