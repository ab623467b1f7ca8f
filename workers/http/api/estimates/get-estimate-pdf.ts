import { createRoute } from '@hono/zod-openapi';
import { permit } from '../../middleware/allow';
import { documentPdfHandler } from '../documents/document-handlers';
import { pdfContent, pdfQuery } from '../documents/route-parts';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getEstimatePdf',
  method: 'get',
  path: '/estimates/{id}/pdf',
  tags: ['Estimates'],
  security,
  ...permit('read'),
  summary: 'The estimate as PDF (cached; regenerated when anything printed on it changes)',
  request: { params: idParam('est'), query: pdfQuery },
  responses: { 200: pdfContent, ...commonErrors },
});

export function registerGetEstimatePdf(app: Router) {
  app.openapi(route, documentPdfHandler('estimate'));
}
