import { createRoute } from '@hono/zod-openapi';
import { requestEmailChange } from '../../../services/account/email-verification';
import { EmailChangeAcceptedSchema, EmailChangeSchema } from '../../../services/account/schema';
import { permit } from '../../middleware/allow';
import { commonErrors, jsonBody, jsonResponse, ProblemSchema, security } from '../fields';
import type { Router } from '../router';
import { signedInPerson } from './signed-in-person';

const route = createRoute({
  operationId: 'changeEmail',
  method: 'put',
  path: '/me/email',
  tags: ['Account'],
  security,
  ...permit('self'),
  summary:
    'Ask to sign in with another address (current password required): it takes effect when the link sent to it is used; sessions only',
  request: { body: jsonBody(EmailChangeSchema) },
  responses: {
    202: jsonResponse(EmailChangeAcceptedSchema, 'A confirmation link was sent to the new address'),
    409: {
      description: 'Another account has this address',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    429: {
      description: 'Too many wrong current passwords; see Retry-After',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerChangeEmail(app: Router) {
  app.openapi(route, async (c) => {
    const who = signedInPerson(c);
    return c.json(await requestEmailChange(c.var.ctx, who.userId, c.req.valid('json'), who.ip), 202);
  });
}
