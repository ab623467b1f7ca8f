import { createRoute } from '@hono/zod-openapi';
import { EstimateInputSchema } from '../../../services/documents/schema';
import { permit } from '../../middleware/allow';
import { createDocumentHandler } from '../documents/document-handlers';
import { estimateAnswer } from '../documents/route-parts';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'createEstimate',
  method: 'post',
  path: '/estimates',
  tags: ['Estimates'],
  security,
  ...permit('write'),
  summary: 'Create a draft estimate',
  request: { body: jsonBody(EstimateInputSchema) },
  responses: { 201: jsonResponse(estimateAnswer, 'The draft estimate'), ...commonErrors },
});

export function registerCreateEstimate(app: Router) {
  app.openapi(route, createDocumentHandler('estimate'));
}
