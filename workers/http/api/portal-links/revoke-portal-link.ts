import { createRoute } from '@hono/zod-openapi';
import { revokeLink } from '../../../services/portal/links';
import { PortalLinkSchema } from '../../../services/portal/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'revokePortalLink',
  method: 'delete',
  path: '/portal-links/{id}',
  tags: ['Portal links'],
  security,
  ...permit('write'),
  summary: 'Revoke a link and end every portal session it opened, immediately',
  request: { params: idParam('lnk') },
  responses: { 200: jsonResponse(PortalLinkSchema, 'The revoked link'), ...commonErrors },
});

export function registerRevokePortalLink(app: Router) {
  app.openapi(route, async (c) => c.json(await revokeLink(tenantContext(c), c.req.valid('param').id), 200));
}
