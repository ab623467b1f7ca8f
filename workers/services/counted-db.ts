import type { Db } from '@clientele/db';
import { createD1Db } from '@clientele/db/d1';

/**
 * Counts the statements an invocation prepares, so benchmarks and tests can hold each
 * endpoint (and each queue batch, inbound email and cron tick) to a query budget.
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

/** The one way the Worker opens its database: drizzle over the counting D1 binding. */
export function countedDb(d1: D1Database): { db: Db; queries: () => number } {
  const counted = countingD1(d1);
  return { db: createD1Db(counted.d1), queries: counted.count };
}
