import { createD1Db } from '@clientele/db/d1';
import { createMiddleware } from 'hono/factory';
import type { HonoEnv } from '../hono-env';

/** One drizzle instance per request, shared by every handler and service it calls. */
export const database = () =>
  createMiddleware<HonoEnv>(async function database(c, next) {
    c.set('db', createD1Db(c.env.DB));
    await next();
  });
