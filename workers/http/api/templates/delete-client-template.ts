import { LANGUAGES } from '@clientele/core';
import { createRoute, z } from '@hono/zod-openapi';
import { TemplateSetSchema } from '../../../services/mail/schema';
import { deleteClientTemplate } from '../../../services/mail/template-store';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { clientKindParams } from './schema';

const route = createRoute({
  operationId: 'deleteClientTemplate',
  method: 'delete',
  path: '/clients/{id}/templates/{kind}',
  tags: ['Email templates'],
  security,
  ...permit('settings'),
  summary: "Remove this client's override (one language, or all)",
  request: { params: clientKindParams, query: z.object({ language: z.enum(LANGUAGES).optional() }) },
  responses: { 200: jsonResponse(TemplateSetSchema, 'Templates after removal'), ...commonErrors },
});

export function registerDeleteClientTemplate(app: Router) {
  app.openapi(route, async (c) => {
    const { id, kind } = c.req.valid('param');
    return c.json(await deleteClientTemplate(tenantContext(c), id, kind, c.req.valid('query').language), 200);
  });
}
