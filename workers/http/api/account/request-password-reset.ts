import { createRoute } from '@hono/zod-openapi';
import { countResetRequest, emailResetLink } from '../../../services/account/password-reset';
import { PasswordResetAcceptedSchema, PasswordResetRequestSchema } from '../../../services/account/schema';
import { problemWords } from '../../../services/reader-language';
import { clientAddress } from '../auth/client-address';
import { commonErrors, jsonBody, jsonResponse, ProblemSchema } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'requestPasswordReset',
  method: 'post',
  path: '/password-resets',
  tags: ['Account'],
  // Public (PUBLIC_ROUTES in api/index.ts): for a person who cannot sign in.
  security: [],
  summary:
    'Email a one-hour, single-use link to choose a new password; the same answer, in the same time, whether or not the address has an account',
  request: { body: jsonBody(PasswordResetRequestSchema) },
  responses: {
    202: jsonResponse(PasswordResetAcceptedSchema, 'Accepted; a link goes out if the address has an account'),
    429: {
      description: 'Too many requests from this address; see Retry-After',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerRequestPasswordReset(app: Router) {
  app.openapi(route, async (c) => {
    const { email } = c.req.valid('json');
    const ip = clientAddress(c);
    await countResetRequest(c.var.ctx, ip);
    // Everything that depends on the account runs after the answer, so neither the answer
    // nor its timing tells whether the address has one.
    const ctx = c.var.ctx;
    c.executionCtx.waitUntil(
      emailResetLink(ctx, email, ip).catch((err: unknown) => {
        ctx.log.error('password reset email failed', { error: String(err) });
      }),
    );
    return c.json({ message: problemWords().resetLinkSent }, 202);
  });
}
