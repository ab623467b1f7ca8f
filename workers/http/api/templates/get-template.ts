import { createRoute } from '@hono/zod-openapi';
import { TemplateSetSchema } from '../../../services/mail/schema';
import { templateSet } from '../../../services/mail/template-store';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { kindParam, stepQuery } from './schema';

const route = createRoute({
  operationId: 'getTemplate',
  method: 'get',
  path: '/templates/{kind}',
  tags: ['Email templates'],
  security,
  ...permit('read'),
  summary:
    'Business email template of a kind, per language (built-in where not customised); `step` for a reminder step',
  request: { params: kindParam, query: stepQuery },
  responses: { 200: jsonResponse(TemplateSetSchema, 'Templates'), ...commonErrors },
});

export function registerGetTemplate(app: Router) {
  app.openapi(route, async (c) =>
    c.json(
      await templateSet(tenantContext(c), c.req.valid('param').kind, undefined, c.req.valid('query').step),
      200,
    ),
  );
}
