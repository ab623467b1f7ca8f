import { createRoute } from '@hono/zod-openapi';
import { SettingsSchema } from '../../../services/settings/schema';
import { uploadLogo } from '../../../services/settings/settings';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { logoImage } from './logo-image';

const route = createRoute({
  operationId: 'uploadLogo',
  method: 'put',
  path: '/settings/logo',
  tags: ['Settings'],
  security,
  ...permit('settings'),
  summary: 'Upload the business logo (PNG or JPEG, up to 512 KB), printed on documents issued from now on',
  request: { body: { required: true, content: logoImage } },
  responses: { 200: jsonResponse(SettingsSchema, 'Settings with the new logo'), ...commonErrors },
});

export function registerUploadLogo(app: Router) {
  app.openapi(route, async (c) => {
    return c.json(await uploadLogo(tenantContext(c), new Uint8Array(await c.req.arrayBuffer())), 200);
  });
}
