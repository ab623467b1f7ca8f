import { createRoute } from '@hono/zod-openapi';
import { TemplateSetSchema } from '../../../services/mail/schema';
import { templateSet } from '../../../services/mail/template-store';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { clientKindParams } from './schema';

const route = createRoute({
  operationId: 'getClientTemplate',
  method: 'get',
  path: '/clients/{id}/templates/{kind}',
  tags: ['Email templates'],
  security,
  ...permit('read'),
  summary: 'What this client receives for a kind, per language (its override, else the business template)',
  request: { params: clientKindParams },
  responses: { 200: jsonResponse(TemplateSetSchema, 'Templates'), ...commonErrors },
});

export function registerGetClientTemplate(app: Router) {
  app.openapi(route, async (c) => {
    const { id, kind } = c.req.valid('param');
    return c.json(await templateSet(tenantContext(c), kind, id), 200);
  });
}
