import { createRoute, z } from '@hono/zod-openapi';
import { emailLog } from '../../../services/mail/email-log';
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

const route = createRoute({
  method: 'get',
  path: '/emails',
  tags: ['Email'],
  security,
  summary: 'Email log, newest first: queued, sent or failed with the reason',
  request: { query: z.object({ clientId: z.string().max(64).optional(), ...paginationQuery }) },
  responses: { 200: jsonResponse(pageOf(EmailSchema), 'Emails'), ...commonErrors },
});

export function registerListEmails(app: Router) {
  app.openapi(route, async (c) => {
    return c.json(await emailLog(tenantContext(c), c.req.valid('query')), 200);
  });
}
