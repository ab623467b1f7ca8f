import { z } from '@hono/zod-openapi';

export const CloseBusinessInputSchema = z
  .object({
    confirm: z.string().max(200).openapi({ description: "The business's name, typed as it is shown" }),
    password: z.string().max(1000),
    totp: z
      .string()
      .max(64)
      .optional()
      .openapi({ description: 'A code (or recovery code) when two-factor sign-in is on' }),
  })
  .openapi('CloseBusinessInput');

export const ClosedBusinessSchema = z
  .object({
    id: z.string(),
    closedAt: z.string().openapi({ format: 'date-time' }),
    removedBy: z
      .string()
      .openapi({ format: 'date-time', description: 'Every row and file of it is gone by then' }),
  })
  .openapi('ClosedBusiness');

export type CloseBusinessInput = z.infer<typeof CloseBusinessInputSchema>;
export type ClosedBusiness = z.infer<typeof ClosedBusinessSchema>;
