import { createRoute } from '@hono/zod-openapi';
import { sendCreditNote } from '../../../services/credit-notes/credit-notes';
import { CreditNoteSchema } from '../../../services/credit-notes/schema';
import { EmailSummarySchema } from '../../../services/mail/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'sendCreditNote',
  method: 'post',
  path: '/credit-notes/{id}/send',
  tags: ['Credit notes'],
  security,
  ...permit('write'),
  summary:
    'Email the credit note to the client with its PDF (it is already issued); send an Idempotency-Key so a retry is the same email',
  request: { params: idParam('crn') },
  responses: {
    202: jsonResponse(
      CreditNoteSchema.extend({ email: EmailSummarySchema.nullable() }),
      'The credit note; its email is queued (null when the client has no email address)',
    ),
    ...commonErrors,
  },
});

export function registerSendCreditNote(app: Router) {
  app.openapi(route, async (c) => {
    const { creditNote, email } = await sendCreditNote(
      tenantContext(c),
      c.req.valid('param').id,
      c.req.header('idempotency-key'),
    );
    return c.json(
      { ...creditNote, email: email && { id: email.id, status: email.status, to: email.to } },
      202,
    );
  });
}
