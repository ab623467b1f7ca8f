import { DOCUMENT_TYPES, ESTIMATE_VIEW_STATUSES, INVOICE_VIEW_STATUSES } from '@clientele/core';
import { createRoute, z } from '@hono/zod-openapi';
import { getClientFor } from '../../../services/clients/clients';
import { clientStatementPdf } from '../../../services/clients/statement';
import { clientSummary } from '../../../services/clients/summary';
import { listDocumentsFor } from '../../../services/documents/documents';
import { pdfResponse } from '../../pdf-response';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';
import { ClientSummarySchema, EstimateSchema, InvoiceSchema } from './schema';
import { out } from './shared';

/** A client's 360°: summary, statement PDF and document history. */
export function registerClientDocumentRoutes(app: Router) {
  const tags = ['Clients'];
  const params = idParam('cli');
  app.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/summary',
      tags,
      security,
      summary: 'Client 360°: per-currency totals and document counts',
      request: { params },
      responses: { 200: jsonResponse(ClientSummarySchema, 'Summary'), ...commonErrors },
    }),
    async (c) => c.json(await clientSummary(tenantContext(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/statement/pdf',
      tags,
      security,
      summary: "The client's statement as PDF: per-currency totals and every issued invoice",
      request: { params, query: z.object({ download: z.enum(['1', 'true']).optional() }) },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const pdf = await clientStatementPdf(tenantContext(c), c.req.valid('param').id);
      return pdfResponse(c, pdf, Boolean(c.req.valid('query').download));
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/documents',
      tags,
      security,
      summary: "The client's invoices or estimates, newest first",
      request: {
        params,
        query: z.object({
          type: z.enum(DOCUMENT_TYPES).default('invoice'),
          status: z.enum([...new Set([...INVOICE_VIEW_STATUSES, ...ESTIMATE_VIEW_STATUSES])]).optional(),
          ...paginationQuery,
        }),
      },
      responses: {
        200: jsonResponse(pageOf(InvoiceSchema.or(EstimateSchema)), 'Documents'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const { id } = c.req.valid('param');
      const { type, ...rest } = c.req.valid('query');
      await getClientFor(ctx, id);
      const page = await listDocumentsFor(ctx, type, { ...rest, clientId: id });
      return c.json({ data: page.data.map(out), nextCursor: page.nextCursor }, 200);
    },
  );
}
