import { createRoute } from '@hono/zod-openapi';
import { getSettings } from '../../../services/settings/settings';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { SettingsSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/settings',
  tags: ['Settings'],
  security,
  summary: 'Business profile and document defaults',
  responses: { 200: jsonResponse(SettingsSchema, 'Settings'), ...commonErrors },
});

export function registerGetSettings(app: Router) {
  app.openapi(route, async (c) => c.json(await getSettings(tenantContext(c)), 200));
}
