import { EXPORT_STATUSES } from '@clientele/db';
import { z } from '@hono/zod-openapi';

export const DataExportSchema = z
  .object({
    id: z.string().openapi({ example: 'exp_0123456789abcdefghjkmnpq' }),
    status: z.enum(EXPORT_STATUSES),
    /** 0–100 while it is built. */
    progress: z.number().int().min(0).max(100),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    bytes: z.number().int().nullable(),
    /** Why the build failed, when it did. */
    error: z.string().nullable(),
    downloadUrl: z.string().nullable().openapi({
      description: 'The ZIP, while the export is ready and has not expired (7 days); null otherwise',
    }),
  })
  .openapi('DataExport');
export type DataExport = z.infer<typeof DataExportSchema>;

export const NewExportSchema = z.object({ id: z.string() }).openapi('NewExport');

export const ImportCountsSchema = z
  .object({
    counts: z.object({
      clients: z.number().int(),
      documents: z.number().int(),
      payments: z.number().int(),
      templates: z.number().int(),
      tickets: z.number().int(),
      messages: z.number().int(),
      emails: z.number().int(),
      auditLog: z.number().int(),
      creditNotes: z.number().int(),
      clientCredits: z.number().int(),
      recurringInvoices: z.number().int(),
      files: z.number().int(),
    }),
  })
  .openapi('ImportResult');
export type ImportCounts = z.infer<typeof ImportCountsSchema>['counts'];
