import { createRoute, z } from '@hono/zod-openapi';
import { previewTemplateFor } from '../../../services/mail/template-store';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, languageField, security } from '../fields';
import type { Router } from '../router';
import { kindParam } from './schema';

const PreviewInputSchema = z
  .object({
    language: languageField,
    subject: z.string().max(300).optional(),
    body: z.string().max(20_000).optional(),
    clientId: z.string().max(64).optional(),
  })
  .openapi('EmailTemplatePreviewInput');

const PreviewSchema = z
  .object({ subject: z.string(), text: z.string(), html: z.string() })
  .openapi('EmailPreview');

const route = createRoute({
  method: 'post',
  path: '/templates/{kind}/preview',
  tags: ['Email templates'],
  security,
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
