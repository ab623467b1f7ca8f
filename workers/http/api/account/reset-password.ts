import { createRoute, z } from '@hono/zod-openapi';
import { resetPassword } from '../../../services/account/password-reset';
import { NewPasswordSchema } from '../../../services/account/schema';
import { clientAddress } from '../auth/client-address';
import { commonErrors, jsonBody, ProblemSchema } from '../fields';
import type { Router } from '../router';

const TokenParam = z.object({
  token: z
    .string()
    .max(128)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The token from the emailed link' }),
});

const route = createRoute({
  operationId: 'resetPassword',
  method: 'post',
  path: '/password-resets/{token}',
  tags: ['Account'],
  // Public (PUBLIC_ROUTES in api/index.ts): the token is the credential.
  security: [],
  summary: 'Choose a new password with an emailed link; every session of the person ends',
  request: { params: TokenParam, body: jsonBody(NewPasswordSchema) },
  responses: {
    ...commonErrors,
    204: { description: 'Password set; every session ended; a notice was emailed' },
    404: {
      description: 'The link is unknown, expired or was already used (one answer for all three)',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    429: {
      description: 'Too many tries from this address; see Retry-After',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

export function registerResetPassword(app: Router) {
  app.openapi(route, async (c) => {
    const { token } = c.req.valid('param');
    await resetPassword(c.var.ctx, token, c.req.valid('json').password, clientAddress(c));
    return c.body(null, 204);
  });
}
