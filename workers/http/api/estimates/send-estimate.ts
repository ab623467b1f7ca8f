import { createRoute } from '@hono/zod-openapi';
import { EmailSummarySchema } from '../../../services/mail/schema';
import { permit } from '../../middleware/allow';
import { sendDocumentHandler } from '../documents/document-handlers';
import { estimateAnswer, sendQuery } from '../documents/route-parts';
import { conflict } from '../documents/shared';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'sendEstimate',
  method: 'post',
  path: '/estimates/{id}/send',
  tags: ['Estimates'],
  security,
  ...permit('write'),
  summary:
    'Issue a draft estimate (number, frozen snapshot) and queue its email; `resend=true` emails an issued one again',
  request: { params: idParam('est'), query: sendQuery },
  responses: {
    202: jsonResponse(
      estimateAnswer.extend({ email: EmailSummarySchema.nullable() }),
      'The issued estimate; its email is queued (null when the client has no email address)',
    ),
    ...conflict,
    ...commonErrors,
  },
});

export function registerSendEstimate(app: Router) {
  app.openapi(route, sendDocumentHandler('estimate'));
}
