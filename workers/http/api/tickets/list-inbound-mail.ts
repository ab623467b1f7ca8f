import { createRoute, z } from '@hono/zod-openapi';
import { inboundMailLog } from '../../../services/tickets/inbound-log';
import { InboundMailSchema } from '../../../services/tickets/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listInboundMail',
  method: 'get',
  path: '/tickets/inbound-mail',
  tags: ['Support'],
  security,
  ...permit('read'),
  summary: 'Recent mail to the reply addresses: accepted, rejected (with the reason) or set aside',
  responses: {
    200: jsonResponse(z.object({ data: z.array(InboundMailSchema) }), 'Inbound mail'),
    ...commonErrors,
  },
});

export function registerListInboundMail(app: Router) {
  app.openapi(route, async (c) => c.json({ data: await inboundMailLog(tenantContext(c)) }, 200));
}
