import { createRoute, z } from '@hono/zod-openapi';
import { refundClientCredit } from '../../../services/payments/credits';
import { CreditSchema } from '../../../services/payments/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonResponse, ProblemSchema, security } from '../fields';
import type { Router } from '../router';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const route = createRoute({
  operationId: 'refundClientCredit',
  method: 'post',
  path: '/clients/{id}/credits/{creditId}/refund',
  tags: ['Payments'],
  security,
  // Money leaves the business's Stripe balance: the same people who manage Stripe.
  ...permit('settings'),
  summary:
    'Refund a credit to the client through Stripe, on the charge it came from; send an Idempotency-Key (a repeat never refunds twice)',
  request: { params: idParam('cli').extend({ creditId: z.string().max(64) }) },
  responses: {
    200: jsonResponse(CreditSchema, 'The credit, refunded'),
    409: problem('Already refunded, Stripe not set up, or Stripe refused the refund (nothing changed)'),
    502: problem('Stripe could not be reached; the credit stays'),
    ...commonErrors,
    404: problem('No such client or credit'),
  },
});

export function registerRefundClientCredit(app: Router) {
  app.openapi(route, async (c) => {
    const { id, creditId } = c.req.valid('param');
    return c.json(await refundClientCredit(tenantContext(c), id, creditId), 200);
  });
}
