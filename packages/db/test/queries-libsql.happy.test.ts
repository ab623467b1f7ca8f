import { createClient } from '@libsql/client';
import { beforeAll } from 'vitest';
import type { Db } from '../src';
import { createLibsqlDb } from '../src/libsql';
import { defineDbContract } from './contract';
import { applyMigrations } from './migrate';

let db: Db;
beforeAll(async () => {
  const client = createClient({ url: ':memory:' });
  await applyMigrations(client);
  db = createLibsqlDb(client);
});

defineDbContract('libSQL', () => db);
