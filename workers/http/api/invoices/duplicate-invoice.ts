import { createRoute } from '@hono/zod-openapi';
import { permit } from '../../middleware/allow';
import { duplicateDocumentHandler } from '../documents/document-handlers';
import { invoiceAnswer } from '../documents/route-parts';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'duplicateInvoice',
  method: 'post',
  path: '/invoices/{id}/duplicate',
  tags: ['Invoices'],
  security,
  ...permit('write'),
  summary: 'Copy an invoice of any status into a new draft dated today (409 when its client is archived)',
  request: { params: idParam('inv') },
  responses: { 201: jsonResponse(invoiceAnswer, 'The new draft invoice'), ...conflict, ...commonErrors },
});

export function registerDuplicateInvoice(app: Router) {
  app.openapi(route, duplicateDocumentHandler('invoice'));
}
