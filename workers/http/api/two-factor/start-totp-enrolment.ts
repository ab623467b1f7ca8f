import { createRoute } from '@hono/zod-openapi';
import { beginTotpEnrolment } from '../../../services/auth/two-factor';
import { TotpEnrolmentSchema } from '../../../services/auth/two-factor-schema';
import { permit } from '../../middleware/allow';
import { responseHoldsSecret } from '../../middleware/idempotency';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, ProblemSchema, security } from '../fields';
import type { Router } from '../router';
import { signedInPerson } from './signed-in-person';

const route = createRoute({
  operationId: 'startTotpEnrolment',
  method: 'post',
  path: '/me/totp',
  tags: ['Two-factor'],
  security,
  ...permit('self'),
  summary:
    'Start turning on two-factor sign-in: a new secret (shown once) that stays pending until a code from it is confirmed; sessions only',
  responses: {
    201: jsonResponse(TotpEnrolmentSchema, 'The pending secret; calling again replaces it'),
    409: {
      description: 'Two-factor sign-in is already on',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerStartTotpEnrolment(app: Router) {
  app.openapi(route, async (c) => {
    const userId = signedInPerson(c);
    const enrolment = await beginTotpEnrolment(tenantContext(c), userId);
    responseHoldsSecret(c, `totp:${userId}`);
    return c.json(enrolment, 201);
  });
}
