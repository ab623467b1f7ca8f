import { createRoute } from '@hono/zod-openapi';
import { loadCreditNote } from '../../../services/credit-notes/credit-notes';
import { creditNotePdf } from '../../../services/credit-notes/pdf';
import { permit } from '../../middleware/allow';
import { pdfResponse } from '../../pdf-response';
import { tenantContext } from '../../tenant-context';
import { pdfContent, pdfQuery } from '../documents/route-parts';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getCreditNotePdf',
  method: 'get',
  path: '/credit-notes/{id}/pdf',
  tags: ['Credit notes'],
  security,
  ...permit('read'),
  summary: 'The credit note as PDF, in the client’s language (cached)',
  request: { params: idParam('crn'), query: pdfQuery },
  responses: { 200: pdfContent, ...commonErrors },
});

export function registerGetCreditNotePdf(app: Router) {
  app.openapi(route, async (c) => {
    const ctx = tenantContext(c);
    const pdf = await creditNotePdf(ctx, await loadCreditNote(ctx, c.req.valid('param').id));
    return pdfResponse(c, pdf, Boolean(c.req.valid('query').download));
  });
}
