import { createRoute } from '@hono/zod-openapi';
import { profileOf } from '../../../services/account/profile';
import { ProfileSchema } from '../../../services/account/schema';
import { permit } from '../../middleware/allow';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { signedInPerson } from './signed-in-person';

const route = createRoute({
  operationId: 'getProfile',
  method: 'get',
  path: '/me',
  tags: ['Account'],
  security,
  ...permit('self'),
  summary: 'The signed-in person’s own profile; sessions only',
  responses: { 200: jsonResponse(ProfileSchema, 'The profile'), ...commonErrors },
});

export function registerGetProfile(app: Router) {
  app.openapi(route, async (c) => {
    return c.json(await profileOf(c.var.ctx, signedInPerson(c).userId), 200);
  });
}
