import { createRoute, z } from '@hono/zod-openapi';
import { previewInvitation } from '../../../services/team/accept';
import { RoleSchema } from '../../../services/team/schema';
import { clientAddress } from '../auth/client-address';
import { commonErrors, jsonResponse, ProblemSchema } from '../fields';
import type { Router } from '../router';
import { tokenParam } from './params';

const InvitationPreviewSchema = z
  .object({ businessName: z.string(), email: z.string(), role: RoleSchema, expiresAt: z.string() })
  .openapi('InvitationPreview');

const route = createRoute({
  operationId: 'getInvitation',
  method: 'get',
  path: '/invitations/{token}/accept',
  tags: ['Team'],
  // Public (PUBLIC_PATTERNS in api/index.ts): the emailed token is the credential.
  security: [],
  summary: 'What accepting an emailed invitation would do (business, address, role), before doing it',
  request: { params: tokenParam },
  responses: {
    200: jsonResponse(InvitationPreviewSchema, 'The invitation'),
    429: {
      description: 'Too many unknown tokens from this address; see Retry-After',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerGetInvitation(app: Router) {
  app.openapi(route, async (c) => {
    return c.json(await previewInvitation(c.var.ctx, c.req.valid('param').token, clientAddress(c)), 200);
  });
}
