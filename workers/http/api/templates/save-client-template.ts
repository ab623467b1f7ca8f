import { createRoute } from '@hono/zod-openapi';
import { TemplateInputSchema, TemplateSetSchema } from '../../../services/mail/schema';
import { saveTemplateFor } from '../../../services/mail/template-store';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { clientKindParams } from './schema';

const route = createRoute({
  operationId: 'saveClientTemplate',
  method: 'put',
  path: '/clients/{id}/templates/{kind}',
  tags: ['Email templates'],
  security,
  ...permit('settings'),
  summary: "Save this client's override for one language; it replaces the business template entirely",
  request: { params: clientKindParams, body: jsonBody(TemplateInputSchema) },
  responses: { 200: jsonResponse(TemplateSetSchema, 'Templates'), ...commonErrors },
});

export function registerSaveClientTemplate(app: Router) {
  app.openapi(route, async (c) => {
    const { id, kind } = c.req.valid('param');
    return c.json(await saveTemplateFor(tenantContext(c), kind, c.req.valid('json'), id), 200);
  });
}
