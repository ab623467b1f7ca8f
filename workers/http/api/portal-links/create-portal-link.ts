import { createRoute, z } from '@hono/zod-openapi';
import { issuePortalLink } from '../../../services/portal/links';
import { responseHoldsSecret } from '../../middleware/idempotency';
import { publicOrigin } from '../../public-url';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { PortalLinkSchema } from './schema';

const route = createRoute({
  method: 'post',
  path: '/clients/{id}/portal-links',
  tags: ['Portal links'],
  security,
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
    const link = await issuePortalLink(tenantContext(c), c.req.valid('param').id, publicOrigin(c.env));
    responseHoldsSecret(c, link.id);
    return c.json(link, 201);
  });
}
