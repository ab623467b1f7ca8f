import { createRoute } from '@hono/zod-openapi';
import { updateSettings } from '../../../services/settings/settings';
import { requireOwner } from '../../middleware/authenticate';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { SettingsPatchSchema, SettingsSchema } from './schema';

const route = createRoute({
  method: 'patch',
  path: '/settings',
  tags: ['Settings'],
  security,
  middleware: [requireOwner()] as const,
  summary: 'Update the business profile (owner only)',
  request: { body: jsonBody(SettingsPatchSchema) },
  responses: { 200: jsonResponse(SettingsSchema, 'Updated settings'), ...commonErrors },
});

export function registerUpdateSettings(app: Router) {
  app.openapi(route, async (c) => c.json(await updateSettings(tenantContext(c), c.req.valid('json')), 200));
}
