import { createRoute } from '@hono/zod-openapi';
import { changePassword } from '../../../services/account/profile';
import { PasswordChangeSchema } from '../../../services/account/schema';
import { permit } from '../../middleware/allow';
import { commonErrors, jsonBody, ProblemSchema, security } from '../fields';
import type { Router } from '../router';
import { signedInPerson } from './signed-in-person';

const route = createRoute({
  operationId: 'changePassword',
  method: 'put',
  path: '/me/password',
  tags: ['Account'],
  security,
  ...permit('self'),
  summary:
    'Change one’s own password with the current one; the person’s other sessions end, this one stays; sessions only',
  request: { body: jsonBody(PasswordChangeSchema) },
  responses: {
    204: { description: 'Changed; other sessions ended; a notice was emailed' },
    429: {
      description: 'Too many wrong current passwords; see Retry-After',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerChangePassword(app: Router) {
  app.openapi(route, async (c) => {
    await changePassword(c.var.ctx, signedInPerson(c), c.req.valid('json'));
    return c.body(null, 204);
  });
}
