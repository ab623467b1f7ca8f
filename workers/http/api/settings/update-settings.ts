import { createRoute } from '@hono/zod-openapi';
import { SettingsPatchSchema, SettingsSchema } from '../../../services/settings/schema';
import { updateSettings } from '../../../services/settings/settings';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'updateSettings',
  method: 'patch',
  path: '/settings',
  tags: ['Settings'],
  security,
  ...permit('settings'),
  summary: 'Update the business profile (owner only)',
  request: { body: jsonBody(SettingsPatchSchema) },
  responses: { 200: jsonResponse(SettingsSchema, 'Updated settings'), ...commonErrors },
});

export function registerUpdateSettings(app: Router) {
  app.openapi(route, async (c) => c.json(await updateSettings(tenantContext(c), c.req.valid('json')), 200));
}
