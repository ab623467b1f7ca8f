import { createRoute } from '@hono/zod-openapi';
import { EstimateSchema } from '../../../services/documents/schema';
import { permit } from '../../middleware/allow';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { decideEstimateHandler, decisionBody } from './decide-estimate';

const route = createRoute({
  operationId: 'acceptEstimate',
  method: 'post',
  path: '/estimates/{id}/accept',
  tags: ['Estimates'],
  security,
  ...permit('write'),
  summary: 'Record that the client accepted the estimate',
  request: { params: idParam('est'), body: decisionBody },
  responses: { 200: jsonResponse(EstimateSchema, 'The estimate'), ...conflict, ...commonErrors },
});

export function registerAcceptEstimate(app: Router) {
  app.openapi(route, decideEstimateHandler('accept'));
}
