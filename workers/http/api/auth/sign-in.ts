import { createRoute, z } from '@hono/zod-openapi';
import { SessionSchema } from '../../../services/auth/schema';
import { signInToBusiness } from '../../../services/auth/sessions';
import { readSessionCookie, writeSessionCookie } from '../../session-cookies';
import { commonErrors, jsonBody, jsonResponse, ProblemSchema } from '../fields';
import type { Router } from '../router';
import { clientAddress, clientDevice } from './client-address';

const SignInSchema = z
  .object({
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(256),
  })
  .openapi('SignIn');

const route = createRoute({
  operationId: 'signIn',
  method: 'post',
  path: '/sessions',
  tags: ['Auth'],
  // Public (PUBLIC_ROUTES in api/index.ts): no credentials yet, which the document says outright.
  security: [],
  summary: 'Sign in with email and password',
  request: { body: jsonBody(SignInSchema) },
  responses: {
    201: jsonResponse(SessionSchema, 'Signed in; the session cookie is set'),
    429: {
      description: 'Too many attempts for this account, or from this address; see Retry-After',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerSignIn(app: Router) {
  app.openapi(route, async (c) => {
    const input = c.req.valid('json');
    const { session: s, business: tenant } = await signInToBusiness(c.var.db, {
      ...input,
      ip: clientAddress(c),
      ...clientDevice(c),
      previousToken: readSessionCookie(c, 'admin'),
    });
    writeSessionCookie(c, 'admin', s.token, s.expiresAt);
    return c.json(
      {
        userId: s.userId,
        email: input.email.trim().toLowerCase(),
        tenantId: s.tenantId,
        businessName: tenant?.name ?? '',
        locale: tenant?.locale ?? 'en',
        role: s.role,
      },
      201,
    );
  });
}
