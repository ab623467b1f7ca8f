import { createRoute } from '@hono/zod-openapi';
import { TemplateInputSchema, TemplateSetSchema } from '../../../services/mail/schema';
import { saveTemplateFor } from '../../../services/mail/template-store';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { kindParam } from './schema';

const route = createRoute({
  operationId: 'saveTemplate',
  method: 'put',
  path: '/templates/{kind}',
  tags: ['Email templates'],
  security,
  ...permit('settings'),
  summary: 'Save the business template for one language; unknown {{variables}} → 422',
  request: { params: kindParam, body: jsonBody(TemplateInputSchema) },
  responses: { 200: jsonResponse(TemplateSetSchema, 'Templates'), ...commonErrors },
});

export function registerSaveTemplate(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await saveTemplateFor(tenantContext(c), c.req.valid('param').kind, c.req.valid('json')), 200),
  );
}
