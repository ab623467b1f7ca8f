import { z } from '@hono/zod-openapi';

export const PortalLinkSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
    source: z.enum(['admin', 'email']).openapi({
      description: 'email: the link the business emails carry (one at a time); admin: made by hand',
    }),
    activeSessions: z
      .number()
      .int()
      .openapi({ description: 'Portal sessions opened by this link and still signed in' }),
  })
  .openapi('PortalLink');

export type PortalLinkView = z.infer<typeof PortalLinkSchema>;
