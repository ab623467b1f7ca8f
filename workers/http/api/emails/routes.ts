import { type EmailRow, InvalidCursorError, listEmails, outboxMessages } from '@clientele/db';
import { createRoute, z } from '@hono/zod-openapi';
import { NotFoundError, ValidationError } from '../../../services/errors';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';

const EmailSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    clientId: z.string().nullable(),
    documentId: z.string().nullable(),
    to: z.string(),
    subject: z.string().nullable(),
    status: z.enum(['queued', 'sent', 'failed']),
    error: z.string().nullable(),
    attempts: z.number().int(),
    // What the mail provider calls this message, for tracing a delivery with their support.
    providerId: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi('Email');

const toView = (e: EmailRow) => ({
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
});

const OutboxSchema = z
  .object({
    id: z.string(),
    emailId: z.string(),
    to: z.string(),
    subject: z.string(),
    createdAt: z.string(),
    raw: z.string(),
  })
  .openapi('OutboxMessage');

export function registerEmailRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/emails',
      tags: ['Email'],
      security,
      summary: 'Email log, newest first: queued, sent or failed with the reason',
      request: { query: z.object({ clientId: z.string().max(64).optional(), ...paginationQuery }) },
      responses: { 200: jsonResponse(pageOf(EmailSchema), 'Emails'), ...commonErrors },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      try {
        const page = await listEmails(ctx.db, ctx.tenantId, c.req.valid('query'));
        return c.json({ data: page.data.map(toView), nextCursor: page.nextCursor }, 200);
      } catch (err) {
        if (err instanceof InvalidCursorError)
          throw new ValidationError([{ path: 'cursor', message: 'Cursor is not valid' }]);
        throw err;
      }
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dev/outbox',
      tags: ['Development'],
      security,
      summary:
        'Mail the development transport "sent" for this business (only when DEV_OUTBOX=1; 404 otherwise)',
      responses: {
        200: jsonResponse(z.object({ data: z.array(OutboxSchema) }), 'Messages, newest first'),
        ...commonErrors,
      },
    }),
    async (c) => {
      if (c.env.DEV_OUTBOX !== '1') throw new NotFoundError('Route');
      const ctx = tenantContext(c);
      const rows = await outboxMessages(ctx.db, ctx.tenantId, 200);
      const data = await Promise.all(
        rows.map(async (m) => ({
          id: m.id,
          emailId: m.emailId,
          to: m.to,
          subject: m.subject,
          createdAt: m.createdAt.toISOString(),
          raw: (await (await c.env.FILES.get(m.rawKey))?.text()) ?? '',
        })),
      );
      return c.json({ data }, 200);
    },
  );
}
