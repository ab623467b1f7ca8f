import { LANGUAGES } from '@clientele/core';
import { createRoute, z } from '@hono/zod-openapi';
import { TEMPLATE_KINDS } from '../../../services/mail/defaults';
import {
  PreviewInputSchema,
  PreviewSchema,
  TemplateInputSchema,
  TemplateSetSchema,
} from '../../../services/mail/schema';
import {
  deleteClientTemplate,
  previewTemplateFor,
  saveTemplateFor,
  templateSet,
} from '../../../services/mail/template-store';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const tags = ['Email templates'];
const kindParam = z.object({
  kind: z.enum(TEMPLATE_KINDS).openapi({ param: { name: 'kind', in: 'path' }, example: 'invoice' }),
});
const clientKindParams = kindParam.extend({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'cli_0123456789abcdefghjkmnpq' }),
});

export function registerTemplateRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/templates/{kind}',
      tags,
      security,
      summary: 'Business email template of a kind, per language (built-in where not customised)',
      request: { params: kindParam },
      responses: { 200: jsonResponse(TemplateSetSchema, 'Templates'), ...commonErrors },
    }),
    async (c) => c.json(await templateSet(tenantContext(c), c.req.valid('param').kind), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/templates/{kind}',
      tags,
      security,
      summary: 'Save the business template for one language; unknown {{variables}} → 422',
      request: { params: kindParam, body: jsonBody(TemplateInputSchema) },
      responses: { 200: jsonResponse(TemplateSetSchema, 'Templates'), ...commonErrors },
    }),
    async (c) =>
      c.json(await saveTemplateFor(tenantContext(c), c.req.valid('param').kind, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/templates/{kind}/preview',
      tags,
      security,
      summary:
        'Render a template (the saved one, or the subject/body sent) with a client’s or sample values; unknown {{variables}} → 422',
      request: { params: kindParam, body: jsonBody(PreviewInputSchema) },
      responses: { 200: jsonResponse(PreviewSchema, 'Rendered email'), ...commonErrors },
    }),
    async (c) => {
      const { kind } = c.req.valid('param');
      return c.json(await previewTemplateFor(tenantContext(c), kind, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/templates/{kind}',
      tags,
      security,
      summary:
        'What this client receives for a kind, per language (its override, else the business template)',
      request: { params: clientKindParams },
      responses: { 200: jsonResponse(TemplateSetSchema, 'Templates'), ...commonErrors },
    }),
    async (c) => {
      const { id, kind } = c.req.valid('param');
      return c.json(await templateSet(tenantContext(c), kind, id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/clients/{id}/templates/{kind}',
      tags,
      security,
      summary: "Save this client's override for one language; it replaces the business template entirely",
      request: { params: clientKindParams, body: jsonBody(TemplateInputSchema) },
      responses: { 200: jsonResponse(TemplateSetSchema, 'Templates'), ...commonErrors },
    }),
    async (c) => {
      const { id, kind } = c.req.valid('param');
      return c.json(await saveTemplateFor(tenantContext(c), kind, c.req.valid('json'), id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/clients/{id}/templates/{kind}',
      tags,
      security,
      summary: "Remove this client's override (one language, or all)",
      request: { params: clientKindParams, query: z.object({ language: z.enum(LANGUAGES).optional() }) },
      responses: { 200: jsonResponse(TemplateSetSchema, 'Templates after removal'), ...commonErrors },
    }),
    async (c) => {
      const { id, kind } = c.req.valid('param');
      return c.json(
        await deleteClientTemplate(tenantContext(c), id, kind, c.req.valid('query').language),
        200,
      );
    },
  );
}
