import { createRoute, z } from '@hono/zod-openapi';
import { listCreditNotesFor } from '../../../services/credit-notes/credit-notes';
import { CreditNoteSchema } from '../../../services/credit-notes/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listCreditNotes',
  method: 'get',
  path: '/credit-notes',
  tags: ['Credit notes'],
  security,
  ...permit('read'),
  summary: 'List credit notes, newest first; by client or by invoice',
  request: {
    query: z.object({
      clientId: z.string().max(64).optional(),
      invoiceId: z.string().max(64).optional(),
      ...paginationQuery,
    }),
  },
  responses: { 200: jsonResponse(pageOf(CreditNoteSchema), 'A page of credit notes'), ...commonErrors },
});

export function registerListCreditNotes(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await listCreditNotesFor(tenantContext(c), c.req.valid('query')), 200),
  );
}
