import { createRoute } from '@hono/zod-openapi';
import { PreviewInputSchema, PreviewSchema } from '../../../services/mail/schema';
import { previewTemplateFor } from '../../../services/mail/template-store';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { kindParam } from './schema';

const route = createRoute({
  operationId: 'previewTemplate',
  method: 'post',
  path: '/templates/{kind}/preview',
  tags: ['Email templates'],
  security,
  ...permit('settings'),
  summary:
    'Render a template (the saved one, or the subject/body sent) with a client’s or sample values; unknown {{variables}} → 422',
  request: { params: kindParam, body: jsonBody(PreviewInputSchema) },
  responses: { 200: jsonResponse(PreviewSchema, 'Rendered email'), ...commonErrors },
});

export function registerPreviewTemplate(app: Router) {
  app.openapi(route, async (c) => {
    const { kind } = c.req.valid('param');
    return c.json(await previewTemplateFor(tenantContext(c), kind, c.req.valid('json')), 200);
  });
}
