import { createRoute } from '@hono/zod-openapi';
import { EmailSummarySchema } from '../../../services/mail/schema';
import { permit } from '../../middleware/allow';
import { sendDocumentHandler } from '../documents/document-handlers';
import { invoiceAnswer, sendQuery } from '../documents/route-parts';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'sendInvoice',
  method: 'post',
  path: '/invoices/{id}/send',
  tags: ['Invoices'],
  security,
  ...permit('write'),
  summary:
    'Issue a draft invoice (number, frozen snapshot) and queue its email; `resend=true` emails an issued one again',
  request: { params: idParam('inv'), query: sendQuery },
  responses: {
    202: jsonResponse(
      invoiceAnswer.extend({ email: EmailSummarySchema.nullable() }),
      'The issued invoice; its email is queued (null when the client has no email address)',
    ),
    ...conflict,
    ...commonErrors,
  },
});

export function registerSendInvoice(app: Router) {
  app.openapi(route, sendDocumentHandler('invoice'));
}
