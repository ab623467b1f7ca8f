import { createRoute } from '@hono/zod-openapi';
import { turnOffTotp } from '../../../services/auth/two-factor';
import { TotpOffSchema } from '../../../services/auth/two-factor-schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonBody, ProblemSchema, security } from '../fields';
import type { Router } from '../router';
import { signedInPerson } from './signed-in-person';

const route = createRoute({
  operationId: 'turnOffTotp',
  method: 'delete',
  path: '/me/totp',
  tags: ['Two-factor'],
  security,
  ...permit('self'),
  summary:
    'Turn two-factor sign-in off with a code or a recovery code; the recovery codes are deleted; sessions only',
  request: { body: jsonBody(TotpOffSchema) },
  responses: {
    204: { description: 'Two-factor sign-in is off' },
    409: {
      description: 'Two-factor sign-in is not on',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerTurnOffTotp(app: Router) {
  app.openapi(route, async (c) => {
    await turnOffTotp(tenantContext(c), signedInPerson(c), c.req.valid('json').code);
    return c.body(null, 204);
  });
}
