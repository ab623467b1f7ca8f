import { createRoute, z } from '@hono/zod-openapi';
import { ticketAttachment } from '../../../services/tickets/tickets';
import { attachmentResponse } from '../../attachment-response';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getTicketAttachment',
  method: 'get',
  path: '/tickets/{id}/attachments/{attachmentId}',
  tags: ['Support'],
  security,
  ...permit('read'),
  summary: 'Download an attachment of the thread',
  request: { params: idParam('tkt').extend({ attachmentId: z.string().max(64) }) },
  responses: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...commonErrors,
  },
});

export function registerGetTicketAttachment(app: Router) {
  app.openapi(route, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const file = await ticketAttachment(tenantContext(c), id, attachmentId, {});
    return attachmentResponse(file);
  });
}
