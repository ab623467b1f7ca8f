import { createRoute } from '@hono/zod-openapi';
import { templateSet } from '../../../services/mail/template-store';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { kindParam, TemplateSetSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/templates/{kind}',
  tags: ['Email templates'],
  security,
  summary: 'Business email template of a kind, per language (built-in where not customised)',
  request: { params: kindParam },
  responses: { 200: jsonResponse(TemplateSetSchema, 'Templates'), ...commonErrors },
});

export function registerGetTemplate(app: Router) {
  app.openapi(route, async (c) =>
    c.json(await templateSet(tenantContext(c), c.req.valid('param').kind), 200),
  );
}
