import { INVOICE_VIEW_STATUSES } from '@clientele/core';
import { createRoute } from '@hono/zod-openapi';
import { permit } from '../../middleware/allow';
import { listDocumentsHandler } from '../documents/document-handlers';
import { documentListQuery, invoiceAnswer } from '../documents/route-parts';
import { commonErrors, jsonResponse, pageOf, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listInvoices',
  method: 'get',
  path: '/invoices',
  tags: ['Invoices'],
  security,
  ...permit('read'),
  summary: 'List invoices, newest first',
  request: { query: documentListQuery(INVOICE_VIEW_STATUSES) },
  responses: { 200: jsonResponse(pageOf(invoiceAnswer), 'A page of invoices'), ...commonErrors },
});

export function registerListInvoices(app: Router) {
  app.openapi(route, listDocumentsHandler('invoice'));
}
