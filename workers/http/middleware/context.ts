import type { Db } from '@clientele/db';
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../../services/context';
import { initContext } from '../../services/init';
import { headerLanguage } from '../accept-language';
import type { Auth } from '../hono-env';
import { redactPath } from '../problem';

export type ContextVariables = { requestId: string; ctx: AppContext; queries: () => number; db: Db };

/**
 * The fetch entry's `init`: one context per request for every handler, page and service
 * it reaches, and one "request finished" line (method, path without sign-in tokens,
 * status, duration, statements run).
 */
export const invocationContext = () =>
  createMiddleware<{ Bindings: Env; Variables: ContextVariables & { auth?: Auth } }>(
    async function invocationContext(c, next) {
      const started = Date.now();
      const { ctx, queries } = initContext(c.env, {
        requestId: c.var.requestId,
        language: headerLanguage(c),
      });
      c.set('ctx', ctx);
      c.set('queries', queries);
      c.set('db', ctx.db);
      try {
        await next();
      } finally {
        ctx.log.info('request finished', {
          // Known only once the credentials were checked: the line says whose request it was.
          tenant: c.var.auth?.tenantId ?? null,
          method: c.req.method,
          path: redactPath(c.req.path),
          status: c.res.status,
          duration: Date.now() - started,
          queries: queries(),
        });
      }
    },
  );

/**
 * The statements a response cost, in the standard Server-Timing header, for benchmarks and
 * tests holding each endpoint to a query budget. (Static assets answer with their own headers.)
 */
export const serverTiming = () =>
  createMiddleware<{ Variables: ContextVariables }>(async function serverTiming(c, next) {
    await next();
    c.res.headers.append('server-timing', `db;desc="queries=${c.var.queries()}"`);
  });
