import { ESTIMATE_VIEW_STATUSES } from '@clientele/core';
import { createRoute } from '@hono/zod-openapi';
import { permit } from '../../middleware/allow';
import { listDocumentsHandler } from '../documents/document-handlers';
import { documentListQuery, estimateAnswer } from '../documents/route-parts';
import { commonErrors, jsonResponse, pageOf, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listEstimates',
  method: 'get',
  path: '/estimates',
  tags: ['Estimates'],
  security,
  ...permit('read'),
  summary: 'List estimates, newest first',
  request: { query: documentListQuery(ESTIMATE_VIEW_STATUSES) },
  responses: { 200: jsonResponse(pageOf(estimateAnswer), 'A page of estimates'), ...commonErrors },
});

export function registerListEstimates(app: Router) {
  app.openapi(route, listDocumentsHandler('estimate'));
}
