import { createRoute } from '@hono/zod-openapi';
import { putLogo } from '../../../services/settings/logo';
import { getSettings } from '../../../services/settings/settings';
import { requireOwner } from '../../middleware/authenticate';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { logoImage } from './logo-image';
import { SettingsSchema } from './schema';

const route = createRoute({
  method: 'put',
  path: '/settings/logo',
  tags: ['Settings'],
  security,
  middleware: [requireOwner()] as const,
  summary: 'Upload the business logo (PNG or JPEG, up to 512 KB), printed on documents issued from now on',
  request: { body: { required: true, content: logoImage } },
  responses: { 200: jsonResponse(SettingsSchema, 'Settings with the new logo'), ...commonErrors },
});

export function registerUploadLogo(app: Router) {
  app.openapi(route, async (c) => {
    const ctx = tenantContext(c);
    await putLogo(ctx, c.env.FILES, new Uint8Array(await c.req.arrayBuffer()));
    return c.json(await getSettings(ctx), 200);
  });
}
