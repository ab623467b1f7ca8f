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
    totp: z.string().trim().min(1).max(32).optional().openapi({
      description:
        'With two-factor sign-in on: the 6-digit code from the authenticator app, or an unused recovery code (each works once). Without it such a sign-in answers 401 naming `totp`.',
      example: '123456',
    }),
  })
  .openapi('SignIn');

const route = createRoute({
  operationId: 'signIn',
  method: 'post',
  path: '/sessions',
  tags: ['Auth'],
  // Public (PUBLIC_ROUTES in api/index.ts): no credentials yet, which the document says outright.
  security: [],
  summary: 'Sign in with email and password (and a second-factor code when it is on)',
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
    const { session: s, business: tenant } = await signInToBusiness(c.var.ctx, {
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
        twoFactorEnabled: s.twoFactorEnabled === true,
        // The app takes a person the business requires it of straight to enrolment.
        twoFactorRequired: tenant?.requireTwoFactor === true && s.twoFactorEnabled !== true,
      },
      201,
    );
  });
}
