import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema';

export type Schema = typeof schema;

/**
 * The async SQLite surface shared by D1 (Workers) and libSQL (Node tools, scale path).
 * Query functions take this type, so the same code runs on either driver.
 */
export type Db = BaseSQLiteDatabase<'async', unknown, Schema> & Pick<DrizzleD1Database<Schema>, 'batch'>;
