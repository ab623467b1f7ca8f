import { createRoute } from '@hono/zod-openapi';
import { changeRole } from '../../../services/team/members';
import { MemberRoleInputSchema, MemberSchema } from '../../../services/team/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, ProblemSchema, security } from '../fields';
import type { Router } from '../router';
import { userIdParam } from './params';

const route = createRoute({
  operationId: 'updateMember',
  method: 'patch',
  path: '/members/{userId}',
  tags: ['Team'],
  security,
  ...permit('team'),
  summary: "Change a member's role; only an owner changes an owner or makes one",
  request: { params: userIdParam, body: jsonBody(MemberRoleInputSchema) },
  responses: {
    200: jsonResponse(MemberSchema, 'The member with the new role'),
    409: {
      description: 'The business would be left without an owner',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerUpdateMember(app: Router) {
  app.openapi(route, async (c) => {
    const { auth } = c.var;
    const member = await changeRole(
      tenantContext(c),
      { userId: auth.userId, role: auth.role },
      c.req.valid('param').userId,
      c.req.valid('json').role,
    );
    return c.json(member, 200);
  });
}
