import { createRoute } from '@hono/zod-openapi';
import { permit } from '../../middleware/allow';
import { getDocumentHandler } from '../documents/document-handlers';
import { invoiceAnswer } from '../documents/route-parts';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getInvoice',
  method: 'get',
  path: '/invoices/{id}',
  tags: ['Invoices'],
  security,
  ...permit('read'),
  summary: 'Read an invoice',
  request: { params: idParam('inv') },
  responses: { 200: jsonResponse(invoiceAnswer, 'The invoice'), ...commonErrors },
});

export function registerGetInvoice(app: Router) {
  app.openapi(route, getDocumentHandler('invoice'));
}
