import type { Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import type { Db } from './db';
import * as schema from './schema';

export function createLibsqlDb(client: Client): Db {
  return drizzle(client, { schema });
}
