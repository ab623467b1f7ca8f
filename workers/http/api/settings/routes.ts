import { createRoute } from '@hono/zod-openapi';
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

export function registerSettingsRoutes(app: Router) {
  app.openapi(read, async (c) => c.json(await getSettings(tenantContext(c)), 200));
  app.openapi(patch, async (c) => c.json(await updateSettings(tenantContext(c), c.req.valid('json')), 200));
}
