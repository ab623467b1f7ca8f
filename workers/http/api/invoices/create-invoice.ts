import { createRoute } from '@hono/zod-openapi';
import { InvoiceInputSchema } from '../../../services/documents/schema';
import { permit } from '../../middleware/allow';
import { createDocumentHandler } from '../documents/document-handlers';
import { invoiceAnswer } from '../documents/route-parts';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'createInvoice',
  method: 'post',
  path: '/invoices',
  tags: ['Invoices'],
  security,
  ...permit('write'),
  summary: 'Create a draft invoice',
  request: { body: jsonBody(InvoiceInputSchema) },
  responses: { 201: jsonResponse(invoiceAnswer, 'The draft invoice'), ...commonErrors },
});

export function registerCreateInvoice(app: Router) {
  app.openapi(route, createDocumentHandler('invoice'));
}
