import { createRoute } from '@hono/zod-openapi';
import { saveTemplateFor } from '../../../services/mail/template-store';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { kindParam, TemplateInputSchema, TemplateSetSchema } from './schema';

const route = createRoute({
  method: 'put',
  path: '/templates/{kind}',
  tags: ['Email templates'],
  security,
  summary: 'Save the business template for one language; unknown {{variables}} → 422',
  request: { params: kindParam, body: jsonBody(TemplateInputSchema) },
  responses: { 200: jsonResponse(TemplateSetSchema, 'Templates'), ...commonErrors },
});

export function registerSaveTemplate(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await saveTemplateFor(tenantContext(c), c.req.valid('param').kind, c.req.valid('json')), 200),
  );
}
