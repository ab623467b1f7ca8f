import { createRoute, z } from '@hono/zod-openapi';
import { emailLog } from '../../../services/mail/email-log';
import { EmailSchema } from '../../../services/mail/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listEmails',
  method: 'get',
  path: '/emails',
  tags: ['Email'],
  security,
  ...permit('read'),
  summary: 'Email log, newest first: queued, sent or failed with the reason',
  request: { query: z.object({ clientId: z.string().max(64).optional(), ...paginationQuery }) },
  responses: { 200: jsonResponse(pageOf(EmailSchema), 'Emails'), ...commonErrors },
});

export function registerListEmails(app: Router) {
  app.openapi(route, async (c) => {
    return c.json(await emailLog(tenantContext(c), c.req.valid('query')), 200);
  });
}
