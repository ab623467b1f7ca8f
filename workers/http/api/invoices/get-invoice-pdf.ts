import { createRoute } from '@hono/zod-openapi';
import { permit } from '../../middleware/allow';
import { documentPdfHandler } from '../documents/document-handlers';
import { pdfContent, pdfQuery } from '../documents/route-parts';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getInvoicePdf',
  method: 'get',
  path: '/invoices/{id}/pdf',
  tags: ['Invoices'],
  security,
  ...permit('read'),
  summary: 'The invoice as PDF (cached; regenerated when anything printed on it changes)',
  request: { params: idParam('inv'), query: pdfQuery },
  responses: { 200: pdfContent, ...commonErrors },
});

export function registerGetInvoicePdf(app: Router) {
  app.openapi(route, documentPdfHandler('invoice'));
}
