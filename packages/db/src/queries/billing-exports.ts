import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { clientCredits, creditNotes, recurringInvoices, recurringRuns } from '../schema';

/**
 * The rows a business's billing keeps beside its documents (credit notes, the client credit
 * ledger, recurring profiles and the runs that billed each period), oldest first with ids
 * breaking ties, for the export archive: the same data always gives the same files.
 */
export async function billingRows(db: Db, tenantId: string) {
  const [creditNoteRows, creditRows, recurringRows, runRows] = await Promise.all([
    db
      .select()
      .from(creditNotes)
      .where(eq(creditNotes.tenantId, tenantId))
      .orderBy(asc(creditNotes.createdAt), asc(creditNotes.id))
      .all(),
    db
      .select()
      .from(clientCredits)
      .where(eq(clientCredits.tenantId, tenantId))
      .orderBy(asc(clientCredits.createdAt), asc(clientCredits.id))
      .all(),
    db
      .select()
      .from(recurringInvoices)
      .where(eq(recurringInvoices.tenantId, tenantId))
      .orderBy(asc(recurringInvoices.createdAt), asc(recurringInvoices.id))
      .all(),
    db
      .select()
      .from(recurringRuns)
      .where(eq(recurringRuns.tenantId, tenantId))
      .orderBy(asc(recurringRuns.recurringId), asc(recurringRuns.periodStart))
      .all(),
  ]);
  return {
    creditNotes: creditNoteRows,
    credits: creditRows,
    recurring: recurringRows,
    recurringRuns: runRows,
  };
}

/** A business's credit notes by id, for one chunk of an export's PDFs. */
export async function creditNotesByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(creditNotes)
    .where(
      and(
        eq(creditNotes.tenantId, tenantId),
        sql`${creditNotes.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
      ),
    )
    .all();
}
