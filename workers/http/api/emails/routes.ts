import { createRoute, z } from '@hono/zod-openapi';
import { NotFoundError } from '../../../services/errors';
import { devOutbox, emailLog } from '../../../services/mail/email-log';
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
      return c.json(await emailLog(tenantContext(c), c.req.valid('query')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dev/outbox',
      tags: ['Development'],
      security,
      summary:
        'Mail the development transport "sent" for this business (only when DEV_OUTBOX=1; 404 otherwise); signed in only, no API key: it holds sign-in links',
      responses: {
        200: jsonResponse(z.object({ data: z.array(OutboxSchema) }), 'Messages, newest first'),
        ...commonErrors,
      },
    }),
    async (c) => {
      if (c.env.DEV_OUTBOX !== '1') throw new NotFoundError('route');
      return c.json({ data: await devOutbox(tenantContext(c), c.env.FILES) }, 200);
    },
  );
}
