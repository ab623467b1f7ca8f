import { createRoute } from '@hono/zod-openapi';
import { EstimatePatchSchema } from '../../../services/documents/schema';
import { permit } from '../../middleware/allow';
import { updateDocumentHandler } from '../documents/document-handlers';
import { estimateAnswer } from '../documents/route-parts';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'updateEstimate',
  method: 'patch',
  path: '/estimates/{id}',
  tags: ['Estimates'],
  security,
  ...permit('write'),
  summary: 'Edit a draft estimate',
  request: { params: idParam('est'), body: jsonBody(EstimatePatchSchema) },
  responses: { 200: jsonResponse(estimateAnswer, 'The estimate'), ...conflict, ...commonErrors },
});

export function registerUpdateEstimate(app: Router) {
  app.openapi(route, updateDocumentHandler('estimate'));
}
