import { createRoute, z } from '@hono/zod-openapi';
import { devOutbox } from '../../../services/mail/email-log';
import { OutboxSchema } from '../../../services/mail/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listDevOutbox',
  method: 'get',
  path: '/dev/outbox',
  tags: ['Development'],
  security,
  ...permit('read'),
  summary:
    'Mail the development transport "sent" for this business (only when DEV_OUTBOX=1; 404 otherwise); signed in only, no API key: it holds sign-in links',
  responses: {
    200: jsonResponse(z.object({ data: z.array(OutboxSchema) }), 'Messages, newest first'),
    ...commonErrors,
  },
});

export function registerListDevOutbox(app: Router) {
  app.openapi(route, async (c) => {
    return c.json({ data: await devOutbox(tenantContext(c)) }, 200);
  });
}
