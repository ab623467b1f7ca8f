import { createRoute } from '@hono/zod-openapi';
import { permit } from '../../middleware/allow';
import { getDocumentHandler } from '../documents/document-handlers';
import { estimateAnswer } from '../documents/route-parts';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getEstimate',
  method: 'get',
  path: '/estimates/{id}',
  tags: ['Estimates'],
  security,
  ...permit('read'),
  summary: 'Read an estimate',
  request: { params: idParam('est') },
  responses: { 200: jsonResponse(estimateAnswer, 'The estimate'), ...commonErrors },
});

export function registerGetEstimate(app: Router) {
  app.openapi(route, getDocumentHandler('estimate'));
}
