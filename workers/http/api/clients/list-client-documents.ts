import { DOCUMENT_TYPES, ESTIMATE_VIEW_STATUSES, INVOICE_VIEW_STATUSES } from '@clientele/core';
import { createRoute, z } from '@hono/zod-openapi';
import { clientDocumentsFor } from '../../../services/documents/documents';
import { EstimateSchema, InvoiceSchema } from '../../../services/documents/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listClientDocuments',
  method: 'get',
  path: '/clients/{id}/documents',
  tags: ['Clients'],
  security,
  ...permit('read'),
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
    const { type, ...rest } = c.req.valid('query');
    const page = await clientDocumentsFor(tenantContext(c), c.req.valid('param').id, type, rest);
    return c.json(page, 200);
  });
}
