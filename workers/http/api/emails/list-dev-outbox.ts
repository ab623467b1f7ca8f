import { createRoute, z } from '@hono/zod-openapi';
import { NotFoundError } from '../../../services/errors';
import { devOutbox } from '../../../services/mail/email-log';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

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

const route = createRoute({
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
});

export function registerListDevOutbox(app: Router) {
  app.openapi(route, async (c) => {
    if (c.env.DEV_OUTBOX !== '1') throw new NotFoundError('route');
    return c.json({ data: await devOutbox(tenantContext(c), c.env.FILES) }, 200);
  });
}
