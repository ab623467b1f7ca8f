import { createRoute } from '@hono/zod-openapi';
import { devicesOf } from '../../../services/account/devices';
import { DeviceListSchema } from '../../../services/account/schema';
import { permit } from '../../middleware/allow';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { signedInPerson } from './signed-in-person';

const route = createRoute({
  operationId: 'listDevices',
  method: 'get',
  path: '/me/sessions',
  tags: ['Account'],
  security,
  ...permit('self'),
  summary: 'The signed-in person’s sessions in every business they belong to; `current` marks this one',
  responses: { 200: jsonResponse(DeviceListSchema, 'Sessions, most recently used first'), ...commonErrors },
});

export function registerListDevices(app: Router) {
  app.openapi(route, async (c) => {
    const who = signedInPerson(c);
    return c.json({ data: await devicesOf(c.var.ctx, who.userId, who.sessionId) }, 200);
  });
}
