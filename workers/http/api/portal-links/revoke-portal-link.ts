import { createRoute } from '@hono/zod-openapi';
import { revokeLink } from '../../../services/portal/links';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { PortalLinkSchema } from './schema';

const route = createRoute({
  method: 'delete',
  path: '/portal-links/{id}',
  tags: ['Portal links'],
  security,
  summary: 'Revoke a link and end every portal session it opened, immediately',
  request: { params: idParam('lnk') },
  responses: { 200: jsonResponse(PortalLinkSchema, 'The revoked link'), ...commonErrors },
});

export function registerRevokePortalLink(app: Router) {
  app.openapi(route, async (c) => c.json(await revokeLink(tenantContext(c), c.req.valid('param').id), 200));
}
