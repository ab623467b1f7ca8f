import { createRoute } from '@hono/zod-openapi';
import { updateDocumentHandler } from '../documents/document-handlers';
import { estimateAnswer } from '../documents/route-parts';
import { EstimatePatchSchema } from '../documents/schema';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  method: 'patch',
  path: '/estimates/{id}',
  tags: ['Estimates'],
  security,
  summary: 'Edit a draft estimate',
  request: { params: idParam('est'), body: jsonBody(EstimatePatchSchema) },
  responses: { 200: jsonResponse(estimateAnswer, 'The estimate'), ...conflict, ...commonErrors },
});

export function registerUpdateEstimate(app: Router) {
  app.openapi(route, updateDocumentHandler('estimate'));
}
