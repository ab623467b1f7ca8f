import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { sha256Hex } from '../../services/auth/encoding';
import { ConflictError, DomainError, say } from '../../services/errors';
import { rememberedOutcome, rememberOutcome } from '../../services/idempotency/records';
import type { HonoEnv } from '../hono-env';

/**
 * Called by a handler whose response carries a secret (an API key, a sign-in link): the
 * idempotency record then keeps only the new resource's id, and a repeat answers 409
 * instead of showing the secret a second time.
 */
export function responseHoldsSecret(c: Context<HonoEnv>, resourceId: string) {
  c.set('secretResourceId', resourceId);
}

/**
 * A write retried with the same `Idempotency-Key` gets the first answer back instead of
 * running twice. A key belongs to one business and one credential (a person's session or
 * one API key) for 24 hours; reusing it for a different request is a 422. Public routes
 * (sign-up, sign-in) have no credential yet and ignore the header.
 */
export const idempotency = () =>
  createMiddleware<HonoEnv>(async function idempotency(c, next) {
    const key = c.req.header('idempotency-key');
    const auth = c.get('auth');
    if (!key || !auth || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (key.length > 255) {
      throw new DomainError(400, 'idempotencyKeyTooLong');
    }
    const { db } = c.var;
    // Bytes, not text: uploads (the logo) are binary and must reach the handler intact.
    const body = new Uint8Array(await c.req.arrayBuffer());
    const head = new TextEncoder().encode(`${c.req.method}\n${c.req.path}\n`);
    const request = new Uint8Array(head.length + body.length);
    request.set(head);
    request.set(body, head.length);
    const requestHash = await sha256Hex(request);
    const now = new Date();
    const previous = await rememberedOutcome(db, auth.tenantId, key, now);
    if (previous) {
      if (previous.principal !== auth.principal || previous.requestHash !== requestHash) {
        throw new DomainError(422, 'idempotencyKeyReused');
      }
      if (previous.role !== auth.role) {
        throw new ConflictError('roleChanged');
      }
      if (previous.body === null) {
        throw new ConflictError(say('secretShownOnce', previous.resourceId));
      }
      return new Response(previous.body, {
        status: previous.status,
        headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
      });
    }
    await next();
    // Only settled outcomes are remembered; a server error may succeed on retry.
    if (c.res.status >= 500) return;
    const secretId = c.get('secretResourceId');
    await rememberOutcome(db, {
      tenantId: auth.tenantId,
      key,
      principal: auth.principal,
      role: auth.role,
      requestHash,
      status: c.res.status,
      body: secretId === undefined ? await c.res.clone().text() : null,
      resourceId: secretId ?? null,
      createdAt: now,
    });
  });
