import { createRoute, z } from '@hono/zod-openapi';
import { convertEstimateFor, decideEstimateFor } from '../../../services/documents/documents';
import { EstimateSchema, InvoiceSchema } from '../../../services/documents/schema';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { conflict } from './shared';

/** Estimate-only actions: accept, decline, convert to an invoice. */
export function registerEstimateActions(app: Router) {
  const tags = ['Estimates'];
  const params = idParam('est');
  app.openapi(
    createRoute({
      method: 'post',
      path: '/estimates/{id}/convert',
      tags,
      security,
      summary: 'Turn an accepted estimate into a draft invoice (once)',
      request: { params },
      responses: { 201: jsonResponse(InvoiceSchema, 'The new draft invoice'), ...conflict, ...commonErrors },
    }),
    async (c) => c.json(await convertEstimateFor(tenantContext(c), c.req.valid('param').id), 201),
  );
  for (const decision of ['accept', 'reject'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/estimates/{id}/${decision}`,
        tags,
        security,
        summary: `Record that the client ${decision}ed the estimate`,
        request: {
          params,
          body: {
            required: false,
            content: {
              'application/json': { schema: z.object({ reason: z.string().max(2000).optional() }) },
            },
          },
        },
        responses: { 200: jsonResponse(EstimateSchema, 'The estimate'), ...conflict, ...commonErrors },
      }),
      async (c) => {
        const body = (c.req.header('content-type') ? c.req.valid('json') : {}) as { reason?: string };
        const status = decision === 'accept' ? 'accepted' : 'rejected';
        return c.json(
          await decideEstimateFor(tenantContext(c), c.req.valid('param').id, status, body.reason ?? null),
          200,
        );
      },
    );
  }
}
