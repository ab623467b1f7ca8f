import { createRoute, z } from '@hono/zod-openapi';
import { currentLogo, putLogo, removeLogo } from '../../../services/settings/logo';
import { getSettings, updateSettings } from '../../../services/settings/settings';
import { requireOwner } from '../../middleware/authenticate';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { SettingsPatchSchema, SettingsSchema } from './schema';

const tags = ['Settings'];

const read = createRoute({
  method: 'get',
  path: '/settings',
  tags,
  security,
  summary: 'Business profile and document defaults',
  responses: { 200: jsonResponse(SettingsSchema, 'Settings'), ...commonErrors },
});

const patch = createRoute({
  method: 'patch',
  path: '/settings',
  tags,
  security,
  middleware: [requireOwner()] as const,
  summary: 'Update the business profile (owner only)',
  request: { body: jsonBody(SettingsPatchSchema) },
  responses: { 200: jsonResponse(SettingsSchema, 'Updated settings'), ...commonErrors },
});

const putLogoRoute = createRoute({
  method: 'put',
  path: '/settings/logo',
  tags,
  security,
  middleware: [requireOwner()] as const,
  summary: 'Upload the business logo (PNG or JPEG, up to 512 KB), printed on documents issued from now on',
  request: {
    body: {
      required: true,
      content: {
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
  responses: { 200: jsonResponse(SettingsSchema, 'Settings with the new logo'), ...commonErrors },
});

const getLogoRoute = createRoute({
  method: 'get',
  path: '/settings/logo',
  tags,
  security,
  summary: 'The current logo image',
  responses: {
    200: {
      description: 'Image',
      content: {
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...commonErrors,
  },
});

const deleteLogoRoute = createRoute({
  method: 'delete',
  path: '/settings/logo',
  tags,
  security,
  middleware: [requireOwner()] as const,
  summary: 'Remove the logo from future documents',
  responses: { 204: { description: 'Removed' }, ...commonErrors },
});

export function registerSettingsRoutes(app: Router) {
  app.openapi(putLogoRoute, async (c) => {
    const ctx = tenantContext(c);
    await putLogo(ctx, new Uint8Array(await c.req.arrayBuffer()));
    return c.json(await getSettings(ctx), 200);
  });
  app.openapi(getLogoRoute, async (c) => {
    const object = await currentLogo(tenantContext(c));
    return new Response(object.body, {
      headers: {
        'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
        'cache-control': 'private, max-age=300',
      },
    });
  });
  app.openapi(deleteLogoRoute, async (c) => {
    await removeLogo(tenantContext(c));
    return c.body(null, 204);
  });
  app.openapi(read, async (c) => c.json(await getSettings(tenantContext(c)), 200));
  app.openapi(patch, async (c) => c.json(await updateSettings(tenantContext(c), c.req.valid('json')), 200));
}
