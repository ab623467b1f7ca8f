import { createRoute } from '@hono/zod-openapi';
import { updateProfile } from '../../../services/account/profile';
import { ProfilePatchSchema, ProfileSchema } from '../../../services/account/schema';
import { permit } from '../../middleware/allow';
import { commonErrors, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { signedInPerson } from './signed-in-person';

const route = createRoute({
  operationId: 'updateProfile',
  method: 'patch',
  path: '/me',
  tags: ['Account'],
  security,
  ...permit('self'),
  summary: 'Change one’s own name or language (null follows the business’s); sessions only',
  request: { body: jsonBody(ProfilePatchSchema) },
  responses: { 200: jsonResponse(ProfileSchema, 'The profile as saved'), ...commonErrors },
});

export function registerUpdateProfile(app: Router) {
  app.openapi(route, async (c) => {
    return c.json(await updateProfile(c.var.ctx, signedInPerson(c).userId, c.req.valid('json')), 200);
  });
}
