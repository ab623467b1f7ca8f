import { createRoute } from '@hono/zod-openapi';
import { invite } from '../../../services/team/invitations';
import { InvitationInputSchema, InvitationSchema } from '../../../services/team/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, ProblemSchema, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'createInvitation',
  method: 'post',
  path: '/invitations',
  tags: ['Team'],
  security,
  ...permit('team'),
  summary:
    'Invite someone by email with a role; the link is emailed (7 days). Inviting an address again replaces its earlier invitation.',
  request: { body: jsonBody(InvitationInputSchema) },
  responses: {
    201: jsonResponse(InvitationSchema, 'Invited; the email is on its way'),
    409: {
      description: 'Already a member of this business',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerCreateInvitation(app: Router) {
  app.openapi(route, async (c) => {
    const { auth } = c.var;
    const invitation = await invite(tenantContext(c), auth.role, c.req.valid('json'), auth.userId);
    return c.json(invitation, 201);
  });
}
