import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { API_KEY_SCOPES, apiKeysOf, issueApiKey, revokeKey } from '../../../services/auth/api-keys';
import { sessionBusiness, signIn, signOut, signUp } from '../../../services/auth/sessions';
import { NotFoundError } from '../../../services/errors';
import { problemWords } from '../../../services/reader-language';
import { requireOwner } from '../../middleware/authenticate';
import { responseHoldsSecret } from '../../middleware/idempotency';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../../session-cookies';
import { tenantContext } from '../../tenant-context';
import {
  commonErrors,
  currencyField,
  emailField,
  idParam,
  jsonBody,
  jsonResponse,
  languageField,
  ProblemSchema,
  security,
} from '../fields';
import type { Router } from '../router';
import { SessionSchema } from './schema';

const tags = ['Auth'];

const password = z
  .string()
  .min(10)
  .max(256)
  .openapi({ format: 'password', example: 'correct horse battery' });

const SignupSchema = z
  .object({
    businessName: z.string().trim().min(1).max(200),
    email: emailField.refine((v) => v !== '', { error: () => problemWords().required }),
    password,
    currency: currencyField.optional(),
    locale: languageField.optional(),
  })
  .openapi('Signup');

const SignInSchema = z
  .object({
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(256),
  })
  .openapi('SignIn');

const ScopeSchema = z.enum(API_KEY_SCOPES).openapi({
  description:
    '`read`: GET and HEAD only. `write`: everything else too. No key of either scope can create or revoke keys, change Stripe settings or read the dev outbox (403): those need a signed-in session.',
});

const NewApiKeyInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    scope: ScopeSchema.default('write'),
  })
  .openapi('NewApiKeyInput');

const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'First characters of the key, to tell keys apart' }),
    scope: ScopeSchema,
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

const NewApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: 'The secret; shown only in this response' }),
}).openapi('NewApiKey');

const signupRoute = createRoute({
  method: 'post',
  path: '/signup',
  tags,
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

const signInRoute = createRoute({
  method: 'post',
  path: '/sessions',
  tags,
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

const currentRoute = createRoute({
  method: 'get',
  path: '/sessions/current',
  tags,
  security,
  summary: 'Who is signed in',
  responses: { 200: jsonResponse(SessionSchema, 'The current session'), ...commonErrors },
});

const signOutRoute = createRoute({
  method: 'delete',
  path: '/sessions/current',
  tags,
  security,
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' }, ...commonErrors },
});

const createKeyRoute = createRoute({
  method: 'post',
  path: '/api-keys',
  tags,
  security,
  middleware: [requireOwner()] as const,
  summary: 'Create an API key (the key is shown once); sessions only, never with an API key',
  request: { body: jsonBody(NewApiKeyInputSchema) },
  responses: { 201: jsonResponse(NewApiKeySchema, 'The new key'), ...commonErrors },
});

const listKeysRoute = createRoute({
  method: 'get',
  path: '/api-keys',
  tags,
  security,
  summary: 'Active API keys',
  responses: { 200: jsonResponse(z.object({ data: z.array(ApiKeySchema) }), 'Keys'), ...commonErrors },
});

const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/api-keys/{id}',
  tags,
  security,
  middleware: [requireOwner()] as const,
  summary: 'Revoke an API key; sessions only, never with an API key',
  request: { params: idParam('key') },
  responses: { 204: { description: 'Revoked' }, ...commonErrors },
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Cloudflare sets this header on every request and overwrites any value a client sends. */
const clientAddress = (c: Context) => c.req.header('cf-connecting-ip') ?? 'local';

export function registerAuthRoutes(app: Router) {
  app.openapi(signupRoute, async (c) => {
    const input = c.req.valid('json');
    const s = await signUp(c.var.db, {
      businessName: input.businessName,
      email: input.email,
      password: input.password,
      currency: input.currency ?? 'EUR',
      locale: input.locale ?? 'en',
      ip: clientAddress(c),
    });
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

  app.openapi(signInRoute, async (c) => {
    const input = c.req.valid('json');
    const s = await signIn(c.var.db, {
      ...input,
      ip: clientAddress(c),
      previousToken: readSessionCookie(c, 'admin'),
    });
    writeSessionCookie(c, 'admin', s.token, s.expiresAt);
    const tenant = await sessionBusiness(c.var.db, s.tenantId);
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

  app.openapi(currentRoute, async (c) => {
    const { auth, db } = c.var;
    const tenant = await sessionBusiness(db, auth.tenantId);
    if (!tenant || !auth.userId) throw new NotFoundError('session');
    return c.json(
      {
        userId: auth.userId,
        email: auth.email ?? '',
        tenantId: tenant.id,
        businessName: tenant.name,
        locale: tenant.locale,
        role: auth.role,
      },
      200,
    );
  });

  app.openapi(signOutRoute, async (c) => {
    const token = readSessionCookie(c, 'admin');
    if (token) await signOut(c.var.db, token);
    clearSessionCookie(c, 'admin');
    return c.body(null, 204);
  });

  app.openapi(createKeyRoute, async (c) => {
    const k = await issueApiKey(tenantContext(c), c.req.valid('json'), c.var.auth.userId);
    responseHoldsSecret(c, k.id);
    return c.json(
      {
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        scope: k.scope,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: null,
        key: k.key,
      },
      201,
    );
  });

  app.openapi(listKeysRoute, async (c) => {
    const keys = await apiKeysOf(tenantContext(c));
    return c.json(
      {
        data: keys.map((k) => ({
          ...k,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: iso(k.lastUsedAt),
        })),
      },
      200,
    );
  });

  app.openapi(revokeKeyRoute, async (c) => {
    await revokeKey(tenantContext(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
