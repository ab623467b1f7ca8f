import { createRoute, z } from '@hono/zod-openapi';
import { portalLinksFor } from '../../../services/portal/links';
import { PortalLinkSchema } from '../../../services/portal/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listPortalLinks',
  method: 'get',
  path: '/portal-links',
  tags: ['Portal links'],
  security,
  ...permit('read'),
  summary: 'Magic links, newest first',
  request: { query: z.object({ clientId: z.string().max(64).optional() }) },
  responses: {
    200: jsonResponse(z.object({ data: z.array(PortalLinkSchema) }), 'Links'),
    ...commonErrors,
  },
});

export function registerListPortalLinks(app: Router) {
  app.openapi(route, async (c) =>
    c.json({ data: await portalLinksFor(tenantContext(c), c.req.valid('query').clientId) }, 200),
  );
}
