import { createRoute, z } from '@hono/zod-openapi';
import { emailSignUpConfirmation } from '../../../services/account/email-verification';
import { SessionSchema } from '../../../services/auth/schema';
import { signUp } from '../../../services/auth/sessions';
import { problemWords } from '../../../services/reader-language';
import { writeSessionCookie } from '../../session-cookies';
import {
  commonErrors,
  currencyField,
  jsonBody,
  jsonResponse,
  languageField,
  ProblemSchema,
  personEmailField,
} from '../fields';
import type { Router } from '../router';
import { clientAddress, clientDevice } from './client-address';

const password = z
  .string()
  .min(10)
  .max(256)
  .openapi({ format: 'password', example: 'correct horse battery' });

const SignupSchema = z
  .object({
    businessName: z.string().trim().min(1).max(200),
    email: personEmailField.refine((v) => v !== '', { error: () => problemWords().required }),
    password,
    currency: currencyField.optional(),
    locale: languageField.optional(),
  })
  .openapi('Signup');

const route = createRoute({
  operationId: 'signUp',
  method: 'post',
  path: '/signup',
  tags: ['Auth'],
  // Public (PUBLIC_ROUTES in api/index.ts): no credentials yet, which the document says outright.
  security: [],
  summary: 'Create a business and its owner, signed in',
  request: { body: jsonBody(SignupSchema) },
  responses: {
    201: jsonResponse(SessionSchema, 'Signed up; the session cookie is set'),
    409: {
      description: 'Email already registered',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    429: {
      description: 'Too many sign-ups from this address; see Retry-After',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerSignUp(app: Router) {
  app.openapi(route, async (c) => {
    const input = c.req.valid('json');
    const s = await signUp(
      c.var.db,
      {
        businessName: input.businessName,
        email: input.email,
        password: input.password,
        currency: input.currency ?? 'EUR',
        locale: input.locale ?? 'en',
        ip: clientAddress(c),
        ...clientDevice(c),
      },
      undefined,
      c.var.ctx.config.signupsPerAddress,
    );
    await emailSignUpConfirmation(c.var.ctx, s.userId, clientAddress(c));
    writeSessionCookie(c, 'admin', s.token, s.expiresAt);
    return c.json(
      {
        userId: s.userId,
        email: input.email.toLowerCase(),
        tenantId: s.tenantId,
        businessName: input.businessName,
        locale: input.locale ?? 'en',
        role: 'owner' as const,
      },
      201,
    );
  });
}
