import { createRoute, z } from '@hono/zod-openapi';
import { membersOf } from '../../../services/team/members';
import { MemberSchema } from '../../../services/team/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listMembers',
  method: 'get',
  path: '/members',
  tags: ['Team'],
  security,
  // Everyone in a business may see who else is in it.
  ...permit('read'),
  summary: 'People in this business and their roles',
  responses: { 200: jsonResponse(z.object({ data: z.array(MemberSchema) }), 'Members'), ...commonErrors },
});

export function registerListMembers(app: Router) {
  app.openapi(route, async (c) => c.json({ data: await membersOf(tenantContext(c)) }, 200));
}
