import { createRoute, z } from '@hono/zod-openapi';
import { confirmEmail } from '../../../services/account/email-verification';
import { clientAddress } from '../auth/client-address';
import { commonErrors, ProblemSchema } from '../fields';
import type { Router } from '../router';

const TokenParam = z.object({
  token: z
    .string()
    .max(128)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The token from the emailed link' }),
});

const route = createRoute({
  operationId: 'verifyEmail',
  method: 'post',
  path: '/email-verifications/{token}',
  tags: ['Account'],
  // Public (PUBLIC_ROUTES in api/index.ts): the token alone is enough, in any browser.
  security: [],
  summary:
    'Confirm an address with its emailed link: the person’s own, or a new one they asked to change to (which then takes effect, and the old address is told)',
  request: { params: TokenParam },
  responses: {
    ...commonErrors,
    204: { description: 'Confirmed' },
    404: {
      description: 'The link is unknown, expired or was already used',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    409: {
      description: 'The new address was taken by another account meanwhile',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

export function registerVerifyEmail(app: Router) {
  app.openapi(route, async (c) => {
    await confirmEmail(c.var.ctx, c.req.valid('param').token, clientAddress(c));
    return c.body(null, 204);
  });
}
