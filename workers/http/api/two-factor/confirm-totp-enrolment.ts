import { createRoute } from '@hono/zod-openapi';
import { confirmTotpEnrolment } from '../../../services/auth/two-factor';
import { RecoveryCodesSchema, TotpCodeSchema } from '../../../services/auth/two-factor-schema';
import { permit } from '../../middleware/allow';
import { responseHoldsSecret } from '../../middleware/idempotency';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, jsonResponse, ProblemSchema, security } from '../fields';
import type { Router } from '../router';
import { signedInPerson } from './signed-in-person';

const route = createRoute({
  operationId: 'confirmTotpEnrolment',
  method: 'post',
  path: '/me/totp/confirm',
  tags: ['Two-factor'],
  security,
  ...permit('self'),
  summary:
    'Turn two-factor sign-in on with a code from the pending secret; answers the ten recovery codes, shown once; sessions only',
  request: { body: jsonBody(TotpCodeSchema) },
  responses: {
    200: jsonResponse(RecoveryCodesSchema, 'Two-factor sign-in is on'),
    409: {
      description: 'Already on, or no enrolment was started',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerConfirmTotpEnrolment(app: Router) {
  app.openapi(route, async (c) => {
    const userId = signedInPerson(c);
    const result = await confirmTotpEnrolment(tenantContext(c), userId, c.req.valid('json').code);
    responseHoldsSecret(c, `totp:${userId}`);
    return c.json(result, 200);
  });
}
