import { createRoute } from '@hono/zod-openapi';
import { SettingsSchema } from '../../../services/settings/schema';
import { getSettings } from '../../../services/settings/settings';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getSettings',
  method: 'get',
  path: '/settings',
  tags: ['Settings'],
  security,
  ...permit('read'),
  summary: 'Business profile and document defaults',
  responses: { 200: jsonResponse(SettingsSchema, 'Settings'), ...commonErrors },
});

export function registerGetSettings(app: Router) {
  app.openapi(route, async (c) => c.json(await getSettings(tenantContext(c)), 200));
}
