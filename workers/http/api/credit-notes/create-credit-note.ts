import { createRoute } from '@hono/zod-openapi';
import { createCreditNote } from '../../../services/credit-notes/credit-notes';
import { CreditNoteInputSchema, CreditNoteSchema } from '../../../services/credit-notes/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'createCreditNote',
  method: 'post',
  path: '/invoices/{id}/credit-notes',
  tags: ['Credit notes'],
  security,
  ...permit('write'),
  summary:
    'Issue a credit note against an issued invoice (all of it, chosen lines, or a gross amount): numbered and frozen at once; it reduces the amount due, or adds to the client’s credit when the invoice was paid',
  request: { params: idParam('inv'), body: jsonBody(CreditNoteInputSchema) },
  responses: {
    201: jsonResponse(CreditNoteSchema, 'The issued credit note'),
    ...conflict,
    ...commonErrors,
  },
});

export function registerCreateCreditNote(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await createCreditNote(tenantContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
}
