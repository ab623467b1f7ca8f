import { createRoute } from '@hono/zod-openapi';
import { requireTwoFactor } from '../../../services/auth/two-factor';
import {
  TwoFactorRequirementSchema,
  TwoFactorSettingsSchema,
} from '../../../services/auth/two-factor-schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, ProblemSchema, security } from '../fields';
import type { Router } from '../router';
import { signedInPerson } from './signed-in-person';

const route = createRoute({
  operationId: 'requireTwoFactor',
  method: 'put',
  path: '/settings/two-factor',
  tags: ['Two-factor'],
  security,
  ...permit('owner'),
  summary:
    'Require two-factor sign-in for everyone in the business (owner only, sessions only); members without it can then reach only their account until they turn it on',
  request: { body: jsonBody(TwoFactorRequirementSchema) },
  responses: {
    200: jsonResponse(TwoFactorSettingsSchema, 'The requirement now'),
    409: {
      description: 'The owner has not turned on two-factor sign-in for themselves',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerRequireTwoFactor(app: Router) {
  app.openapi(route, async (c) => {
    const settings = await requireTwoFactor(
      tenantContext(c),
      signedInPerson(c),
      c.req.valid('json').required,
    );
    return c.json(settings, 200);
  });
}
