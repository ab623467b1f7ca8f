import { createRoute } from '@hono/zod-openapi';
import { permit } from '../../middleware/allow';
import { deleteDocumentHandler } from '../documents/document-handlers';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'deleteInvoice',
  method: 'delete',
  path: '/invoices/{id}',
  tags: ['Invoices'],
  security,
  ...permit('write'),
  summary: 'Delete a draft invoice',
  request: { params: idParam('inv') },
  responses: { 204: { description: 'Deleted' }, ...conflict, ...commonErrors },
});

export function registerDeleteInvoice(app: Router) {
  app.openapi(route, deleteDocumentHandler('invoice'));
}
