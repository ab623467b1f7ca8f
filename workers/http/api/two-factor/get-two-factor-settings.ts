import { createRoute } from '@hono/zod-openapi';
import { twoFactorSettings } from '../../../services/auth/two-factor';
import { TwoFactorSettingsSchema } from '../../../services/auth/two-factor-schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'getTwoFactorSettings',
  method: 'get',
  path: '/settings/two-factor',
  tags: ['Two-factor'],
  security,
  ...permit('read'),
  summary: 'Whether the business requires two-factor sign-in, and whether the caller has it on',
  responses: { 200: jsonResponse(TwoFactorSettingsSchema, 'The requirement'), ...commonErrors },
});

export function registerGetTwoFactorSettings(app: Router) {
  app.openapi(route, async (c) => c.json(await twoFactorSettings(tenantContext(c), c.var.auth.userId), 200));
}
