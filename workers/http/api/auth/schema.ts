import { z } from '@hono/zod-openapi';

export const SessionSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    tenantId: z.string(),
    businessName: z.string(),
    role: z.enum(['owner', 'member']),
  })
  .openapi('Session');
