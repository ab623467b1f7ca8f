import type { Db } from '@clientele/db';
import { createD1Db } from '@clientele/db/d1';
import { createMiddleware } from 'hono/factory';

/**
 * Counts the statements a request prepares, so benchmarks and tests can hold each
 * endpoint to a query budget; reported in the standard Server-Timing header.
 */
function countingD1(d1: D1Database): { d1: D1Database; count: () => number } {
  let n = 0;
  const wrapped = new Proxy(d1, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (query: string) => {
          n++;
          return target.prepare(query);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { d1: wrapped, count: () => n };
}

/**
 * One drizzle instance per request, shared by every handler and service it calls: the
 * API and the portal both get theirs here.
 */
export const database = () =>
  createMiddleware<{ Bindings: Env; Variables: { db: Db } }>(async function database(c, next) {
    const counted = countingD1(c.env.DB);
    c.set('db', createD1Db(counted.d1));
    await next();
    c.res.headers.append('server-timing', `db;desc="queries=${counted.count()}"`);
  });
