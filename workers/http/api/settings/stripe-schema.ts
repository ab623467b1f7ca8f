import { z } from '@hono/zod-openapi';

export const StripeSettingsSchema = z
  .object({
    configured: z.boolean(),
    publishableKey: z.string().nullable(),
    secretKeyLast4: z.string().nullable().openapi({ description: 'The secret key itself is never returned' }),
    mode: z.enum(['test', 'live']).nullable(),
    webhookUrl: z.string().openapi({ description: 'Paste into Stripe → Developers → Webhooks' }),
    events: z.array(z.string()).openapi({ description: 'The events to enable on that endpoint' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('StripeSettings');
