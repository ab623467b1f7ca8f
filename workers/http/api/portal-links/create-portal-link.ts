import { createRoute, z } from '@hono/zod-openapi';
import { issuePortalLink } from '../../../services/portal/links';
import { PortalLinkSchema } from '../../../services/portal/schema';
import { permit } from '../../middleware/allow';
import { responseHoldsSecret } from '../../middleware/idempotency';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'createPortalLink',
  method: 'post',
  path: '/clients/{id}/portal-links',
  tags: ['Portal links'],
  security,
  ...permit('write'),
  summary: 'Create a magic sign-in link for the client (the URL is shown only in this response)',
  request: { params: idParam('cli') },
  responses: {
    201: jsonResponse(PortalLinkSchema.extend({ url: z.string() }), 'The new link'),
    ...commonErrors,
  },
});

export function registerCreatePortalLink(app: Router) {
  app.openapi(route, async (c) => {
    // The configured address, never the request's Host: a forged Host must not put a
    // client's sign-in link on someone else's domain.
    const link = await issuePortalLink(tenantContext(c), c.req.valid('param').id);
    responseHoldsSecret(c, link.id);
    return c.json(link, 201);
  });
}
