import { createRoute, z } from '@hono/zod-openapi';
import { clientStatementPdf } from '../../../services/clients/statement';
import { permit } from '../../middleware/allow';
import { pdfResponse } from '../../pdf-response';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getClientStatementPdf',
  method: 'get',
  path: '/clients/{id}/statement/pdf',
  tags: ['Clients'],
  security,
  ...permit('read'),
  summary: "The client's statement as PDF: per-currency totals and every issued invoice",
  request: { params: idParam('cli'), query: z.object({ download: z.enum(['1', 'true']).optional() }) },
  responses: {
    200: {
      description: 'PDF',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...commonErrors,
  },
});

export function registerGetClientStatementPdf(app: Router) {
  app.openapi(route, async (c) => {
    const pdf = await clientStatementPdf(tenantContext(c), c.req.valid('param').id);
    return pdfResponse(c, pdf, Boolean(c.req.valid('query').download));
  });
}
