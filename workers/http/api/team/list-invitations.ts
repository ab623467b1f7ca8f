import { createRoute, z } from '@hono/zod-openapi';
import { pendingInvitations } from '../../../services/team/invitations';
import { InvitationSchema } from '../../../services/team/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listInvitations',
  method: 'get',
  path: '/invitations',
  tags: ['Team'],
  security,
  ...permit('team'),
  summary: 'Invitations still waiting for an answer',
  responses: {
    200: jsonResponse(z.object({ data: z.array(InvitationSchema) }), 'Pending invitations'),
    ...commonErrors,
  },
});

export function registerListInvitations(app: Router) {
  app.openapi(route, async (c) => c.json({ data: await pendingInvitations(tenantContext(c)) }, 200));
}
