import { z } from '@hono/zod-openapi';

/** A business's Stripe setup as the API takes and gives it (never a secret in an answer). */
export const StripeSettingsSchema = z
  .object({
    configured: z.boolean(),
    method: z.enum(['connect', 'keys']).nullable().openapi({
      description: 'How payments reach the business: Stripe Connect, its own pasted keys, or not at all',
    }),
    connectAvailable: z
      .boolean()
      .openapi({ description: 'Whether this deployment offers Stripe Connect (its platform key is set)' }),
    canLinkExisting: z.boolean().openapi({
      description:
        'Whether a business may link a Stripe account it already has (Connect OAuth; the platform’s OAuth client id is set)',
    }),
    accountId: z
      .string()
      .nullable()
      .openapi({ description: 'The connected Stripe account (acct_…), once Connect onboarding has started' }),
    chargesEnabled: z
      .boolean()
      .openapi({ description: 'Whether Stripe lets the business take payments now' }),
    detailsSubmitted: z.boolean().openapi({ description: 'Whether Connect onboarding has been completed' }),
    requirementsDue: z
      .array(z.string())
      .openapi({ description: 'What Stripe still needs from the business (`requirements.currently_due`)' }),
    livemode: z.boolean().nullable(),
    publishableKey: z.string().nullable(),
    secretKeyLast4: z.string().nullable().openapi({ description: 'The secret key itself is never returned' }),
    mode: z.enum(['test', 'live']).nullable(),
    webhookUrl: z.string().openapi({ description: 'Paste into Stripe → Developers → Webhooks' }),
    events: z.array(z.string()).openapi({ description: 'The events to enable on that endpoint' }),
    apiVersion: z.string().openapi({
      description:
        'The Stripe API version the product reads: create the webhook endpoint with this version (events of another version are re-read from Stripe)',
      example: '2026-10-28.endive',
    }),
    updatedAt: z.string().nullable(),
  })
  .openapi('StripeSettings');

const key = (name: string, example: string) =>
  z.string().trim().min(1, `${name} is required`).max(255).openapi({ example });

export const StripeKeysSchema = z
  .object({
    publishableKey: key('The publishable key', 'pk_test_…'),
    secretKey: key('The secret key', 'sk_test_…'),
    webhookSecret: key('The webhook signing secret', 'whsec_…'),
  })
  .openapi('StripeKeys');

export const ConnectLinkSchema = z
  .object({
    url: z.string().openapi({ description: 'Stripe onboarding (an Account Link): open it in the browser' }),
  })
  .openapi('StripeConnectLink');

export const OauthLinkSchema = z
  .object({
    url: z.string().openapi({
      description:
        'Stripe’s Connect OAuth page (`…/oauth/authorize`): open it in the browser; Stripe sends the person back to `GET /settings/stripe/oauth/callback`',
    }),
  })
  .openapi('StripeOauthLink');

/** What Stripe appends when it sends the person back from its OAuth page. */
export const OauthCallbackQuerySchema = z.object({
  code: z.string().max(255).optional().openapi({ description: 'The authorization code (`ac_…`)' }),
  state: z.string().max(128).optional().openapi({ description: 'The state this business was given' }),
  scope: z.string().max(64).optional(),
  error: z.string().max(100).optional().openapi({ description: '`access_denied` when the person declined' }),
  error_description: z.string().max(1000).optional(),
});

export type StripeSettingsView = z.infer<typeof StripeSettingsSchema>;
export type StripeKeysInput = z.output<typeof StripeKeysSchema>;
