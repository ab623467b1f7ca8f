import { LANGUAGES } from '@clientele/core';
import { API_KEY_SCOPES, ROLES } from '@clientele/db';
import { z } from '@hono/zod-openapi';

export const SessionSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    tenantId: z.string(),
    businessName: z.string(),
    /** The business's language: the admin app speaks it. */
    locale: z.enum(LANGUAGES),
    role: z.enum(ROLES),
    /** Two-factor sign-in is on for this person. */
    twoFactorEnabled: z.boolean().optional(),
    /**
     * The business requires two-factor sign-in and this person has not turned it on: until
     * they do, only their account and enrolment answer (403 `twoFactorRequired` elsewhere).
     */
    twoFactorRequired: z.boolean().optional(),
  })
  .openapi('Session');

/** The session as `GET /sessions/current` tells it: with the person's own state. */
export const CurrentSessionSchema = SessionSchema.extend({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    locale: z
      .enum(LANGUAGES)
      .nullable()
      .openapi({ description: "The person's own language; null follows the business's" }),
    emailVerified: z
      .boolean()
      .openapi({ description: 'Until true, the app asks to confirm the address (and "Send again")' }),
    twoFactorEnabled: z.boolean(),
  }),
}).openapi('CurrentSession');

export const ScopeSchema = z.enum(API_KEY_SCOPES).openapi({
  description:
    '`read`: GET and HEAD only. `write`: everything else too. No key of either scope can create or revoke keys, change Stripe settings or read the dev outbox (403): those need a signed-in session.',
});

export const NewApiKeyInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    scope: ScopeSchema.default('write'),
  })
  .openapi('NewApiKeyInput');

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'First characters of the key, to tell keys apart' }),
    scope: ScopeSchema,
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

export const NewApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: 'The secret; shown only in this response' }),
}).openapi('NewApiKey');

export type ApiKeyView = z.infer<typeof ApiKeySchema>;
export type NewApiKey = z.infer<typeof NewApiKeySchema>;
export type NewApiKeyInput = z.output<typeof NewApiKeyInputSchema>;
