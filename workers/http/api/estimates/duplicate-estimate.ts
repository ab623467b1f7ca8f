import { createRoute } from '@hono/zod-openapi';
import { permit } from '../../middleware/allow';
import { duplicateDocumentHandler } from '../documents/document-handlers';
import { estimateAnswer } from '../documents/route-parts';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'duplicateEstimate',
  method: 'post',
  path: '/estimates/{id}/duplicate',
  tags: ['Estimates'],
  security,
  ...permit('write'),
  summary: 'Copy an estimate of any status into a new draft dated today (409 when its client is archived)',
  request: { params: idParam('est') },
  responses: { 201: jsonResponse(estimateAnswer, 'The new draft estimate'), ...conflict, ...commonErrors },
});

export function registerDuplicateEstimate(app: Router) {
  app.openapi(route, duplicateDocumentHandler('estimate'));
}
