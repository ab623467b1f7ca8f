import { createRoute } from '@hono/zod-openapi';
import { EstimateSchema } from '../documents/schema';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { decideEstimateHandler, decisionBody } from './decide-estimate';

const route = createRoute({
  method: 'post',
  path: '/estimates/{id}/reject',
  tags: ['Estimates'],
  security,
  summary: 'Record that the client rejected the estimate',
  request: { params: idParam('est'), body: decisionBody },
  responses: { 200: jsonResponse(EstimateSchema, 'The estimate'), ...conflict, ...commonErrors },
});

export function registerRejectEstimate(app: Router) {
  app.openapi(route, decideEstimateHandler('reject'));
}
