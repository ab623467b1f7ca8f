import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../db';

/**
 * Statements a write function puts in the same batch as its change, given the id of the row
 * it changed (known only inside for a new row): the change's audit line. Every write that
 * is audited takes one as its last argument, so the line and the change land together or
 * not at all.
 */
export type Beside = (id: string) => BatchItem<'sqlite'>[];

/** For callers with nothing to write beside the change (seeds, imports, tools). */
export const NOTHING_BESIDE: Beside = () => [];

/**
 * Runs one write with the statements that go beside it, in one batch (one round trip, one
 * transaction); answers the write's own result (its returned rows).
 */
export async function writeBeside<T extends BatchItem<'sqlite'>>(
  db: Db,
  write: T,
  beside: BatchItem<'sqlite'>[],
) {
  const [result] = await db.batch([write, ...beside]);
  return result;
}
