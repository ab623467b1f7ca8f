import { z } from '@hono/zod-openapi';

export const EmailSummarySchema = z
  .object({ id: z.string(), status: z.enum(['queued', 'sent', 'failed']), to: z.string() })
  .openapi('EmailSummary');
