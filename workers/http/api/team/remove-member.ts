import { createRoute } from '@hono/zod-openapi';
import { removeMember } from '../../../services/team/members';
import { permitOrSelf } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, ProblemSchema, security } from '../fields';
import type { Router } from '../router';
import { userIdParam } from './params';

const route = createRoute({
  operationId: 'removeMember',
  method: 'delete',
  path: '/members/{userId}',
  tags: ['Team'],
  security,
  // Managing the team needs `team`; anyone may leave (their own user id).
  ...permitOrSelf('team', 'userId'),
  summary: "Remove a member, or leave the business (one's own user id); their sessions here end at once",
  request: { params: userIdParam },
  responses: {
    204: { description: 'Removed' },
    409: {
      description: 'The last owner cannot leave or be removed',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerRemoveMember(app: Router) {
  app.openapi(route, async (c) => {
    const { auth } = c.var;
    await removeMember(
      tenantContext(c),
      { userId: auth.userId, role: auth.role },
      c.req.valid('param').userId,
    );
    return c.body(null, 204);
  });
}
