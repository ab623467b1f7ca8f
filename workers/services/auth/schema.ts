import { LANGUAGES } from '@clientele/core';
import { z } from '@hono/zod-openapi';

export const SessionSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    tenantId: z.string(),
    businessName: z.string(),
    /** The business's language: the admin app speaks it. */
    locale: z.enum(LANGUAGES),
    role: z.enum(['owner', 'member']),
  })
  .openapi('Session');
