import { createRoute } from '@hono/zod-openapi';
import { revokeInvitation } from '../../../services/team/invitations';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'revokeInvitation',
  method: 'delete',
  path: '/invitations/{id}',
  tags: ['Team'],
  security,
  ...permit('team'),
  summary: 'Revoke a pending invitation: its link stops working',
  request: { params: idParam('ivt') },
  responses: { 204: { description: 'Revoked' }, ...commonErrors },
});

export function registerRevokeInvitation(app: Router) {
  app.openapi(route, async (c) => {
    await revokeInvitation(tenantContext(c), c.var.auth.role, c.req.valid('param').id);
    return c.body(null, 204);
  });
}
