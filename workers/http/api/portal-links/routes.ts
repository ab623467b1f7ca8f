import { createRoute, z } from '@hono/zod-openapi';
import { issuePortalLink, portalLinksFor, revokeLink } from '../../../services/portal/links';
import { PortalLinkSchema } from '../../../services/portal/schema';
import { responseHoldsSecret } from '../../middleware/idempotency';
import { publicOrigin } from '../../public-url';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const tags = ['Portal links'];

export function registerPortalLinkRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/clients/{id}/portal-links',
      tags,
      security,
      summary: 'Create a magic sign-in link for the client (the URL is shown only in this response)',
      request: { params: idParam('cli') },
      responses: {
        201: jsonResponse(PortalLinkSchema.extend({ url: z.string() }), 'The new link'),
        ...commonErrors,
      },
    }),
    async (c) => {
      // The configured address, never the request's Host: a forged Host must not put a
      // client's sign-in link on someone else's domain.
      const link = await issuePortalLink(tenantContext(c), c.req.valid('param').id, publicOrigin(c.env));
      responseHoldsSecret(c, link.id);
      return c.json(link, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/portal-links',
      tags,
      security,
      summary: 'Magic links, newest first',
      request: { query: z.object({ clientId: z.string().max(64).optional() }) },
      responses: {
        200: jsonResponse(z.object({ data: z.array(PortalLinkSchema) }), 'Links'),
        ...commonErrors,
      },
    }),
    async (c) => c.json({ data: await portalLinksFor(tenantContext(c), c.req.valid('query').clientId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/portal-links/{id}',
      tags,
      security,
      summary: 'Revoke a link and end every portal session it opened, immediately',
      request: { params: idParam('lnk') },
      responses: { 200: jsonResponse(PortalLinkSchema, 'The revoked link'), ...commonErrors },
    }),
    async (c) => c.json(await revokeLink(tenantContext(c), c.req.valid('param').id), 200),
  );
}
