import { createRoute } from '@hono/zod-openapi';
import { getCreditNoteFor } from '../../../services/credit-notes/credit-notes';
import { CreditNoteSchema } from '../../../services/credit-notes/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getCreditNote',
  method: 'get',
  path: '/credit-notes/{id}',
  tags: ['Credit notes'],
  security,
  ...permit('read'),
  summary: 'One credit note',
  request: { params: idParam('crn') },
  responses: { 200: jsonResponse(CreditNoteSchema, 'The credit note'), ...commonErrors },
});

export function registerGetCreditNote(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await getCreditNoteFor(tenantContext(c), c.req.valid('param').id), 200),
  );
}
