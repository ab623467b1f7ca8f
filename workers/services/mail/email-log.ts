import { type EmailRow, listEmails, outboxMessages } from '@clientele/db';
import type { TenantContext } from '../context';
import { NotFoundError } from '../errors';
import type { EmailView, OutboxMessage } from './schema';

export function toEmailView(e: EmailRow): EmailView {
  return {
    id: e.id,
    kind: e.kind,
    clientId: e.clientId,
    documentId: e.documentId,
    to: e.to,
    subject: e.subject,
    status: e.status,
    error: e.error,
    attempts: e.attempts,
    providerId: e.providerId,
    createdAt: e.createdAt.toISOString(),
    sentAt: e.sentAt?.toISOString() ?? null,
  };
}

/** The business's email log, newest first, optionally for one client. */
export async function emailLog(
  ctx: TenantContext,
  q: { clientId?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const page = await listEmails(ctx.db, ctx.tenantId, q);
  return { data: page.data.map(toEmailView), nextCursor: page.nextCursor };
}

/** What the development transport "sent" for this business, raw messages included. */
export async function devOutbox(ctx: TenantContext): Promise<OutboxMessage[]> {
  // Off in production: the route does not exist there.
  if (!ctx.config.mail.devOutbox) throw new NotFoundError('route');
  const rows = await outboxMessages(ctx.db, ctx.tenantId, 200);
  return Promise.all(
    rows.map(async (m) => ({
      id: m.id,
      emailId: m.emailId,
      to: m.to,
      subject: m.subject,
      createdAt: m.createdAt.toISOString(),
      raw: (await (await ctx.files.get(m.rawKey))?.text()) ?? '',
    })),
  );
}
