import { DOCUMENT_TYPES, ESTIMATE_VIEW_STATUSES, INVOICE_VIEW_STATUSES } from '@clientele/core';
import { createRoute, z } from '@hono/zod-openapi';
import { getClientFor } from '../../../services/clients/clients';
import { listDocumentsFor } from '../../../services/documents/documents';
import { tenantContext } from '../../tenant-context';
import { EstimateSchema, InvoiceSchema } from '../documents/schema';
import { out } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  method: 'get',
  path: '/clients/{id}/documents',
  tags: ['Clients'],
  security,
  summary: "The client's invoices or estimates, newest first",
  request: {
    params: idParam('cli'),
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
});

export function registerListClientDocuments(app: Router) {
  app.openapi(route, async (c) => {
    const ctx = tenantContext(c);
    const { id } = c.req.valid('param');
    const { type, ...rest } = c.req.valid('query');
    await getClientFor(ctx, id);
    const page = await listDocumentsFor(ctx, type, { ...rest, clientId: id });
    return c.json({ data: page.data.map(out), nextCursor: page.nextCursor }, 200);
  });
}
