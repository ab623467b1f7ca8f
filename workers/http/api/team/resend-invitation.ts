import { createRoute } from '@hono/zod-openapi';
import { resendInvitation } from '../../../services/team/invitations';
import { InvitationSchema } from '../../../services/team/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'resendInvitation',
  method: 'post',
  path: '/invitations/{id}/resend',
  tags: ['Team'],
  security,
  ...permit('team'),
  summary: 'Email a pending invitation again with a new link and a new 7 days; the old link stops working',
  request: { params: idParam('ivt') },
  responses: { 202: jsonResponse(InvitationSchema, 'Sent again'), ...commonErrors },
});

export function registerResendInvitation(app: Router) {
  app.openapi(route, async (c) => {
    const invitation = await resendInvitation(tenantContext(c), c.var.auth.role, c.req.valid('param').id);
    return c.json(invitation, 202);
  });
}
