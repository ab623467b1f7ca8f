import type { DocumentTotals } from '@clientele/core';
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';
import { decodeCursor, type Page, pageOf } from '../pagination';
import {
  clients,
  documents,
  type RecurringRow,
  type RecurringStatus,
  recurringInvoices,
  recurringRuns,
  tenants,
} from '../schema';
import { type Beside, NOTHING_BESIDE, writeBeside } from './beside';
import { InvalidCursorError } from './clients';
import type { DocumentFields } from './documents';

export type RecurringFields = Omit<
  RecurringRow,
  'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'invoicesCreated' | 'nextIndex' | 'nextRunDate' | 'status'
> &
  Partial<Pick<RecurringRow, 'nextIndex' | 'nextRunDate' | 'status'>>;

export async function createRecurring(
  db: Db,
  tenantId: string,
  fields: RecurringFields,
  now: Date,
  beside: Beside = NOTHING_BESIDE,
): Promise<RecurringRow> {
  const id = newId('rec');
  const insert = db
    .insert(recurringInvoices)
    .values({ status: 'active', ...fields, id, tenantId, createdAt: now, updatedAt: now })
    .returning();
  return (await writeBeside(db, insert, beside(id)))[0]!;
}

export async function getRecurring(db: Db, tenantId: string, id: string) {
  return db
    .select()
    .from(recurringInvoices)
    .where(and(eq(recurringInvoices.tenantId, tenantId), eq(recurringInvoices.id, id)))
    .get();
}

export async function listRecurring(
  db: Db,
  tenantId: string,
  opts: { clientId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<RecurringRow & { clientName: string }>> {
  const where: SQL[] = [eq(recurringInvoices.tenantId, tenantId)];
  if (opts.clientId) where.push(eq(recurringInvoices.clientId, opts.clientId));
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor);
    if (!c) throw new InvalidCursorError();
    const at = new Date(c.createdAt);
    where.push(
      or(
        lt(recurringInvoices.createdAt, at),
        and(eq(recurringInvoices.createdAt, at), lt(recurringInvoices.id, c.id)),
      )!,
    );
  }
  const rows = await db
    .select({ row: recurringInvoices, clientName: clients.name })
    .from(recurringInvoices)
    .innerJoin(
      clients,
      and(eq(clients.id, recurringInvoices.clientId), eq(clients.tenantId, recurringInvoices.tenantId)),
    )
    .where(and(...where))
    .orderBy(desc(recurringInvoices.createdAt), desc(recurringInvoices.id))
    .limit(opts.limit + 1)
    .all();
  return pageOf(
    rows.map((r) => ({ ...r.row, clientName: r.clientName })),
    opts.limit,
  );
}

/**
 * Changes a profile only while it is as the caller read it: in one of `statuses` and, when
 * given, still at `nextRunDate` (so a skip or an edit racing the cron moves it once).
 * Answers the changed row, or undefined when it had moved on.
 */
export async function updateRecurring(
  db: Db,
  tenantId: string,
  id: string,
  set: Partial<Omit<RecurringRow, 'id' | 'tenantId' | 'createdAt'>>,
  guard: { statuses: RecurringStatus[]; nextRunDate?: string | null },
  now: Date,
  beside: Beside = NOTHING_BESIDE,
) {
  const where: SQL[] = [
    eq(recurringInvoices.tenantId, tenantId),
    eq(recurringInvoices.id, id),
    inArray(recurringInvoices.status, guard.statuses),
  ];
  if (guard.nextRunDate !== undefined) {
    where.push(
      guard.nextRunDate === null
        ? isNull(recurringInvoices.nextRunDate)
        : eq(recurringInvoices.nextRunDate, guard.nextRunDate),
    );
  }
  const update = db
    .update(recurringInvoices)
    .set({ ...set, updatedAt: now })
    .where(and(...where))
    .returning();
  return (await writeBeside(db, update, beside(id)))[0];
}

/** Deletes a profile and its run records; the invoices it made stay. */
export async function deleteRecurring(db: Db, tenantId: string, id: string, beside: Beside = NOTHING_BESIDE) {
  const [, removed] = await db.batch([
    db
      .delete(recurringRuns)
      .where(and(eq(recurringRuns.tenantId, tenantId), eq(recurringRuns.recurringId, id))),
    db
      .delete(recurringInvoices)
      .where(and(eq(recurringInvoices.tenantId, tenantId), eq(recurringInvoices.id, id)))
      .returning({ id: recurringInvoices.id }),
    ...beside(id),
  ]);
  return removed.length > 0;
}

/**
 * The invoices each profile made that still exist (a draft may have been deleted), oldest
 * period first. The ids travel as one JSON parameter, so a page of 200 stays one query.
 */
export async function recurringInvoiceIds(
  db: Db,
  tenantId: string,
  recurringIds: string[],
): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ recurringId: recurringRuns.recurringId, invoiceId: recurringRuns.invoiceId })
    .from(recurringRuns)
    .innerJoin(documents, and(eq(documents.id, recurringRuns.invoiceId), eq(documents.tenantId, tenantId)))
    .where(
      and(
        eq(recurringRuns.tenantId, tenantId),
        sql`${recurringRuns.recurringId} IN (SELECT value FROM json_each(${JSON.stringify(recurringIds)}))`,
      ),
    )
    .orderBy(asc(recurringRuns.periodStart))
    .all();
  const out = new Map<string, string[]>(recurringIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.recurringId)?.push(r.invoiceId);
  return out;
}

/**
 * Active profiles of open businesses whose next run is on or before `until`, earliest first.
 * A closed business bills nothing, so its profiles are left out rather than taking the
 * places of others. The cron asks with the latest date it is anywhere on Earth and checks
 * each profile against its own zone.
 */
export async function dueRecurring(db: Db, until: string, limit: number, tenantId?: string) {
  const where: SQL[] = [
    eq(recurringInvoices.status, 'active'),
    lte(recurringInvoices.nextRunDate, until),
    isNull(tenants.closedAt),
  ];
  if (tenantId) where.push(eq(recurringInvoices.tenantId, tenantId));
  const rows = await db
    .select({ row: recurringInvoices })
    .from(recurringInvoices)
    .innerJoin(tenants, eq(tenants.id, recurringInvoices.tenantId))
    .where(and(...where))
    .orderBy(asc(recurringInvoices.nextRunDate), asc(recurringInvoices.id))
    .limit(limit)
    .all();
  return rows.map((r) => r.row);
}

/** The date of the last period a profile billed (a run was made for it), or null before the first. */
export async function lastRecurringRunDate(db: Db, tenantId: string, recurringId: string) {
  const row = await db
    .select({ last: sql<string | null>`MAX(${recurringRuns.periodStart})` })
    .from(recurringRuns)
    .where(and(eq(recurringRuns.tenantId, tenantId), eq(recurringRuns.recurringId, recurringId)))
    .get();
  return row?.last ?? null;
}

export interface RecurringRunInput {
  profile: Pick<RecurringRow, 'id' | 'tenantId' | 'nextRunDate'>;
  /** The run's date: the first day of the period it bills. */
  periodStart: string;
  /** Where the profile goes after this run. */
  next: Pick<RecurringRow, 'nextRunDate' | 'nextIndex' | 'status'>;
  invoice: { fields: DocumentFields; totals: DocumentTotals };
  sendPending: boolean;
}

/**
 * Makes one run's draft invoice and moves the profile to its next run, in one batch. The run
 * row goes first and is the guard: its period is NULL (refused by NOT NULL, failing the whole
 * batch) unless the profile is still active and at this run's date, and its key refuses a
 * second invoice for the period. So two cron runs at once, or a skip or pause racing this
 * one, leave exactly one outcome. Answers the invoice id, or null when the run was not made.
 */
export async function createRecurringRun(
  db: Db,
  input: RecurringRunInput,
  now: Date,
  beside: Beside = NOTHING_BESIDE,
): Promise<string | null> {
  const { profile, invoice } = input;
  const { tenantId } = profile;
  const invoiceId = newId('inv');
  const stillDue = sql`(SELECT 1 FROM recurring_invoices WHERE id = ${profile.id} AND tenant_id = ${tenantId} AND status = 'active' AND next_run_date = ${input.periodStart})`;
  const f = invoice.fields;
  const t = invoice.totals;
  try {
    await db.batch([
      db.insert(recurringRuns).values({
        tenantId,
        recurringId: profile.id,
        periodStart: sql`CASE WHEN EXISTS ${stillDue} THEN ${input.periodStart} END`,
        invoiceId,
        sendPending: input.sendPending,
        createdAt: now,
      }),
      db.insert(documents).values({
        id: invoiceId,
        tenantId,
        type: 'invoice',
        status: 'draft',
        ...f,
        discountPercent: Math.round(f.discountPercent * 100),
        subtotal: t.subtotal,
        discountTotal: t.discountTotal,
        taxTotal: t.taxTotal,
        total: t.total,
        createdAt: now,
        updatedAt: now,
      }),
      db
        .update(recurringInvoices)
        .set({
          nextRunDate: input.next.nextRunDate,
          nextIndex: input.next.nextIndex,
          status: input.next.status,
          invoicesCreated: sql`${recurringInvoices.invoicesCreated} + 1`,
          updatedAt: now,
        })
        .where(and(eq(recurringInvoices.id, profile.id), eq(recurringInvoices.tenantId, tenantId))),
      ...beside(invoiceId),
    ]);
  } catch (err) {
    if (/NOT NULL|UNIQUE|PRIMARY KEY/.test(String((err as Error)?.cause ?? err))) return null;
    throw err;
  }
  return invoiceId;
}

/** Runs of auto-send profiles whose invoice is still to be issued and emailed. */
export async function pendingRecurringSends(db: Db, limit: number, tenantId?: string) {
  const where: SQL[] = [eq(recurringRuns.sendPending, true)];
  if (tenantId) where.push(eq(recurringRuns.tenantId, tenantId));
  return db
    .select()
    .from(recurringRuns)
    .where(and(...where))
    .orderBy(asc(recurringRuns.createdAt))
    .limit(limit)
    .all();
}

export async function markRecurringSent(db: Db, tenantId: string, recurringId: string, periodStart: string) {
  await db
    .update(recurringRuns)
    .set({ sendPending: false })
    .where(
      and(
        eq(recurringRuns.tenantId, tenantId),
        eq(recurringRuns.recurringId, recurringId),
        eq(recurringRuns.periodStart, periodStart),
      ),
    );
}

/**
 * Moves a profile past a run whose period was already billed (its run row exists, so
 * `createRecurringRun` was refused by the run key) to `next`, without a second invoice.
 * One guarded statement: it holds only while the profile is still active at that date and
 * the run row is there, so a tick that lost a race to another one changes nothing.
 * Answers whether the profile moved.
 */
export async function passBilledRecurringRun(
  db: Db,
  input: Pick<RecurringRunInput, 'profile' | 'periodStart' | 'next'>,
  now: Date,
): Promise<boolean> {
  const { profile, periodStart, next } = input;
  const billed = sql`EXISTS (SELECT 1 FROM recurring_runs WHERE tenant_id = ${profile.tenantId} AND recurring_id = ${profile.id} AND period_start = ${periodStart})`;
  const moved = await db
    .update(recurringInvoices)
    .set({ nextRunDate: next.nextRunDate, nextIndex: next.nextIndex, status: next.status, updatedAt: now })
    .where(
      and(
        eq(recurringInvoices.id, profile.id),
        eq(recurringInvoices.tenantId, profile.tenantId),
        eq(recurringInvoices.status, 'active'),
        eq(recurringInvoices.nextRunDate, periodStart),
        billed,
      ),
    )
    .returning({ id: recurringInvoices.id });
  return moved.length > 0;
}
