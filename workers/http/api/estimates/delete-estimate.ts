import { createRoute } from '@hono/zod-openapi';
import { permit } from '../../middleware/allow';
import { deleteDocumentHandler } from '../documents/document-handlers';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'deleteEstimate',
  method: 'delete',
  path: '/estimates/{id}',
  tags: ['Estimates'],
  security,
  ...permit('write'),
  summary: 'Delete a draft estimate',
  request: { params: idParam('est') },
  responses: { 204: { description: 'Deleted' }, ...conflict, ...commonErrors },
});

export function registerDeleteEstimate(app: Router) {
  app.openapi(route, deleteDocumentHandler('estimate'));
}
