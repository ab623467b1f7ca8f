import { createRoute } from '@hono/zod-openapi';
import { acceptInboundMail } from '../../../services/tickets/inbound-accept';
import { InboundMailSchema } from '../../../services/tickets/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'acceptInboundMail',
  method: 'post',
  path: '/tickets/inbound-mail/{id}/accept',
  tags: ['Support'],
  security,
  ...permit('settings'),
  // Taking mail whose sender could not be verified onto a client's thread is the owner's call.
  summary: 'Accept a reply held because its sender was not verified: it is added to its conversation once',
  description: '409 when the message was already accepted, or is not one held for an unverified sender.',
  request: { params: idParam('inm') },
  responses: { 200: jsonResponse(InboundMailSchema, 'The log line, now accepted'), ...commonErrors },
});

export function registerAcceptInboundMail(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await acceptInboundMail(tenantContext(c), c.req.valid('param').id, c.var.auth.email), 200),
  );
}
