import { schema } from '@clientele/db';
import { and, eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { sha256Hex } from '../../services/auth/encoding';
import { DomainError } from '../../services/errors';
import type { HonoEnv } from '../hono-env';

const { idempotencyKeys } = schema;

/**
 * A write retried with the same `Idempotency-Key` gets the first answer back instead
 * of running twice. Keys are per tenant; reusing one for a different request is a 422.
 */
export const idempotency = () =>
  createMiddleware<HonoEnv>(async function idempotency(c, next) {
    const key = c.req.header('idempotency-key');
    if (!key || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (key.length > 255) {
      throw new DomainError(400, 'Bad Request', 'Idempotency-Key is longer than 255 characters');
    }
    const { db, auth } = c.var;
    const requestHash = await sha256Hex(`${c.req.method}\n${c.req.path}\n${await c.req.text()}`);
    const previous = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.tenantId, auth.tenantId), eq(idempotencyKeys.key, key)))
      .get();
    if (previous) {
      if (previous.requestHash !== requestHash) {
        throw new DomainError(
          422,
          'Unprocessable Content',
          'This Idempotency-Key was used for another request',
        );
      }
      return new Response(previous.body, {
        status: previous.status,
        headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
      });
    }
    await next();
    // Only settled outcomes are remembered; a server error may succeed on retry.
    if (c.res.status < 500) {
      const body = await c.res.clone().text();
      await db
        .insert(idempotencyKeys)
        .values({
          tenantId: auth.tenantId,
          key,
          requestHash,
          status: c.res.status,
          body,
          createdAt: new Date(),
        })
        .onConflictDoNothing();
    }
  });
