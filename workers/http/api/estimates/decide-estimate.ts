import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { decideEstimateFor } from '../../../services/documents/documents';
import type { HonoEnv } from '../../hono-env';
import { tenantContext } from '../../tenant-context';
import { estimateOut } from '../documents/shared';

/** Accepting and rejecting record the client's answer the same way; the body is optional. */
export const decisionBody = {
  required: false,
  content: {
    'application/json': { schema: z.object({ reason: z.string().max(2000).optional() }) },
  },
};

export const decideEstimateHandler =
  (decision: 'accept' | 'reject') =>
  async <
    P extends string,
    I extends { out: { param: { id: string }; json: { reason?: string | undefined } } },
  >(
    c: Context<HonoEnv, P, I>,
  ) => {
    const body = (c.req.header('content-type') ? c.req.valid('json') : {}) as { reason?: string };
    const status = decision === 'accept' ? 'accepted' : 'rejected';
    return c.json(
      estimateOut(
        await decideEstimateFor(tenantContext(c), c.req.valid('param').id, status, body.reason ?? null),
      ),
      200,
    );
  };
