import { drizzle } from 'drizzle-orm/d1';
import type { Db } from './db';
import * as schema from './schema';

export function createD1Db(d1: D1Database): Db {
  return drizzle(d1, { schema });
}
