import type { EstimateViewStatus, InvoiceViewStatus } from '@clientele/core';
import { z } from '@hono/zod-openapi';
import { paginationQuery } from '../fields';
import { EstimateSchema, InvoiceSchema } from './schema';

/**
 * An invoice route and its estimate twin run the same handler (`document-handlers.ts`), which
 * answers with either document. Typing both answers as that union lets one handler serve both
 * routes; the OpenAPI document still names each route's own schema.
 */
export type DocumentSchema = typeof InvoiceSchema | typeof EstimateSchema;
export const invoiceAnswer: DocumentSchema = InvoiceSchema;
export const estimateAnswer: DocumentSchema = EstimateSchema;

export const documentListQuery = <S extends InvoiceViewStatus | EstimateViewStatus>(
  statuses: readonly [S, ...S[]],
) =>
  z.object({
    clientId: z.string().max(64).optional(),
    status: z.enum(statuses).optional(),
    q: z.string().max(100).optional().openapi({ description: 'Number or client name' }),
    ...paginationQuery,
  });

export type DocumentListQuery = z.infer<
  ReturnType<typeof documentListQuery<InvoiceViewStatus | EstimateViewStatus>>
>;

export const pdfQuery = z.object({
  download: z.enum(['1', 'true']).optional().openapi({ description: 'Ask the browser to save it' }),
});

export const pdfContent = {
  description: 'PDF',
  content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
};

export const sendQuery = z.object({
  resend: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Email an already issued document again (otherwise a repeat is a 409)' }),
});
