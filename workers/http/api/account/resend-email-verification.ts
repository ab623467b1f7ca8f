import { createRoute } from '@hono/zod-openapi';
import { resendConfirmation } from '../../../services/account/email-verification';
import { NotFoundError } from '../../../services/errors';
import { permit } from '../../middleware/allow';
import { clientAddress } from '../auth/client-address';
import { commonErrors, ProblemSchema, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'resendEmailVerification',
  method: 'post',
  path: '/email-verifications',
  tags: ['Account'],
  security,
  ...permit('self'),
  summary: 'Email the link confirming the signed-in person’s address again (nothing once it is confirmed)',
  responses: {
    202: { description: 'A new link is on its way, unless the address is already confirmed' },
    429: {
      description: 'Asked too often; see Retry-After',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerResendEmailVerification(app: Router) {
  app.openapi(route, async (c) => {
    const { userId } = c.var.auth;
    if (!userId) throw new NotFoundError('session');
    await resendConfirmation(c.var.ctx, userId, clientAddress(c));
    return c.body(null, 202);
  });
}
