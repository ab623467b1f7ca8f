import {
  addDays,
  defaultTimeZone,
  firstRunOnOrAfter,
  isTimeZone,
  type LineInput,
  occurrence,
  runAllowed,
  type Schedule,
  todayIn,
  totals,
  upcomingRuns,
} from '@clientele/core';
import {
  createRecurring,
  deleteRecurring,
  getClient,
  getRecurring,
  getTenant,
  lastRecurringRunDate,
  listRecurring,
  type RecurringRow,
  type RecurringStatus,
  recurringInvoiceIds,
  updateRecurring,
} from '@clientele/db';
import { auditLine, auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';
import { computeTotals, toLines } from '../documents/documents';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '../errors';
import { blankToNull } from '../text';
import type { RecurringInvoice, RecurringInvoiceInput, RecurringInvoicePatch } from './schema';

/** The schedule a stored profile runs on. */
export function scheduleOf(row: RecurringRow): Schedule {
  return {
    frequency: row.frequency,
    interval: row.interval,
    dayOfMonth: row.dayOfMonth,
    startDate: row.startDate,
    endDate: row.endDate,
    count: row.count,
  };
}

/** How far back a start date may go: each missed period becomes an invoice at the next run. */
const MAX_BACKFILL_DAYS = 366;

export function toRecurringView(
  row: RecurringRow & { clientName?: string },
  invoiceIds: string[],
): RecurringInvoice {
  const t = totals(row.lines, 0);
  return {
    id: row.id,
    clientId: row.clientId,
    ...(row.clientName !== undefined ? { clientName: row.clientName } : {}),
    currency: row.currency,
    lines: t.lines.map((l) => {
      const taxes = l.taxes.map((x) => ({ rate: x.rate, inclusive: x.inclusive }));
      return {
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discountPercent: l.discountPercent,
        taxRate: taxes[0]?.rate ?? 0,
        taxes,
        amount: l.amount,
      };
    }),
    subtotal: t.subtotal,
    taxTotal: t.taxTotal,
    total: t.total,
    notes: row.notes,
    paymentTermsDays: row.paymentTermsDays,
    schedule: {
      frequency: row.frequency,
      interval: row.interval,
      dayOfMonth: row.dayOfMonth,
      startDate: row.startDate,
      endDate: row.endDate,
      count: row.count,
    },
    timeZone: row.timeZone,
    autoSend: row.autoSend,
    status: row.status,
    nextRunDates:
      row.status === 'active' ? upcomingRuns(scheduleOf(row), row.nextIndex, row.invoicesCreated, 3) : [],
    invoicesCreated: row.invoicesCreated,
    invoiceIds,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function view(ctx: TenantContext, row: RecurringRow): Promise<RecurringInvoice> {
  const [ids, client] = await Promise.all([
    recurringInvoiceIds(ctx.db, ctx.tenantId, [row.id]),
    getClient(ctx.db, ctx.tenantId, row.clientId),
  ]);
  return toRecurringView(client ? { ...row, clientName: client.name } : row, ids.get(row.id) ?? []);
}

async function load(ctx: TenantContext, id: string): Promise<RecurringRow> {
  const row = await getRecurring(ctx.db, ctx.tenantId, id);
  if (!row) throw new DomainError(404, 'recurringNotFound');
  return row;
}

async function clientFor(ctx: TenantContext, clientId: string) {
  const client = await getClient(ctx.db, ctx.tenantId, clientId);
  // Another business's client is answered exactly like a missing one.
  if (!client) throw new ValidationError([{ path: 'clientId', message: 'noSuchClient' }]);
  if (client.archivedAt) throw new ValidationError([{ path: 'clientId', message: 'clientArchived' }]);
  return client;
}

function checkSchedule(s: Schedule, timeZone: string, today: string, isNew: boolean) {
  if (!isTimeZone(timeZone)) throw new ValidationError([{ path: 'timeZone', message: 'unknownTimeZone' }]);
  if (s.frequency === 'weekly' && s.dayOfMonth != null) {
    throw new ValidationError([{ path: 'schedule.dayOfMonth', message: 'dayOfMonthNotWeekly' }]);
  }
  if (s.endDate && s.endDate < s.startDate) {
    throw new ValidationError([{ path: 'schedule.endDate', message: 'endBeforeStart' }]);
  }
  if (isNew && s.startDate < addDays(today, -MAX_BACKFILL_DAYS)) {
    throw new ValidationError([{ path: 'schedule.startDate', message: 'startTooOld' }]);
  }
}

/** Lines as stored, their arithmetic checked (a 422 naming the line's field). */
function linesOf(input: RecurringInvoiceInput['lines']): LineInput[] {
  const lines = toLines(input);
  computeTotals(lines, 0);
  return lines;
}

/**
 * Where a profile goes from run `n` on: that run's date while the schedule still has it,
 * otherwise ended.
 */
function positionAt(s: Schedule, n: number, created: number, paused: boolean) {
  if (!runAllowed(s, n, created)) return { status: 'ended' as const, nextRunDate: null, nextIndex: n };
  return {
    status: paused ? ('paused' as const) : ('active' as const),
    nextRunDate: occurrence(s, n),
    nextIndex: n,
  };
}

export async function createRecurringFor(
  ctx: TenantContext,
  input: RecurringInvoiceInput,
): Promise<RecurringInvoice> {
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  if (!tenant) throw new NotFoundError('business');
  const client = await clientFor(ctx, input.clientId);
  const timeZone = input.timeZone ?? defaultTimeZone(tenant.country);
  const schedule: Schedule = { ...input.schedule, interval: input.schedule.interval ?? 1 };
  checkSchedule(schedule, timeZone, isTimeZone(timeZone) ? todayIn(timeZone, ctx.now) : '', true);
  const lines = linesOf(input.lines);
  const at = positionAt(schedule, 0, 0, false);
  if (at.status === 'ended') throw new ValidationError([{ path: 'schedule.endDate', message: 'noRunLeft' }]);
  const row = await createRecurring(
    ctx.db,
    ctx.tenantId,
    {
      clientId: client.id,
      currency: input.currency ?? client.currency ?? tenant.currency,
      lines,
      notes: blankToNull(input.notes) ?? null,
      paymentTermsDays: input.paymentTermsDays ?? null,
      frequency: schedule.frequency,
      interval: schedule.interval,
      dayOfMonth: schedule.dayOfMonth ?? null,
      startDate: schedule.startDate,
      endDate: schedule.endDate ?? null,
      count: schedule.count ?? null,
      timeZone,
      autoSend: input.autoSend ?? false,
      ...at,
    },
    ctx.now,
    (id) => [auditLine(ctx, 'recurring.created', { type: 'recurring', id }, { clientId: client.id })],
  );
  return toRecurringView({ ...row, clientName: client.name }, []);
}

export async function getRecurringFor(ctx: TenantContext, id: string) {
  return view(ctx, await load(ctx, id));
}

export async function listRecurringFor(
  ctx: TenantContext,
  opts: { clientId?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const page = await listRecurring(ctx.db, ctx.tenantId, opts);
  const ids = await recurringInvoiceIds(
    ctx.db,
    ctx.tenantId,
    page.data.map((r) => r.id),
  );
  return { data: page.data.map((r) => toRecurringView(r, ids.get(r.id) ?? [])), nextCursor: page.nextCursor };
}

/**
 * Edits a profile. Only invoices still to come change; a new schedule starts after the last
 * run made or skipped, and — once the profile has made invoices — not before today, so an edit
 * never back-fills. The update holds only while the next run is the one read here, so an
 * edit racing the cron is refused (409) rather than moving a run it just made.
 */
export async function updateRecurringFor(ctx: TenantContext, id: string, patch: RecurringInvoicePatch) {
  const current = await load(ctx, id);
  const set: Partial<RecurringRow> = {};
  if (patch.clientId !== undefined) set.clientId = (await clientFor(ctx, patch.clientId)).id;
  if (patch.currency !== undefined) set.currency = patch.currency;
  if (patch.lines !== undefined) set.lines = linesOf(patch.lines);
  if (patch.notes !== undefined) set.notes = blankToNull(patch.notes) ?? null;
  if (patch.paymentTermsDays !== undefined) set.paymentTermsDays = patch.paymentTermsDays;
  if (patch.autoSend !== undefined) set.autoSend = patch.autoSend;
  const timeZone = patch.timeZone ?? current.timeZone;
  if (patch.schedule !== undefined || patch.timeZone !== undefined) {
    const p = patch.schedule ?? {};
    const schedule: Schedule = {
      frequency: p.frequency ?? current.frequency,
      interval: p.interval ?? current.interval,
      dayOfMonth:
        p.dayOfMonth !== undefined ? p.dayOfMonth : p.frequency === 'weekly' ? null : current.dayOfMonth,
      startDate: p.startDate ?? current.startDate,
      endDate: p.endDate !== undefined ? p.endDate : current.endDate,
      count: p.count !== undefined ? p.count : current.count,
    };
    if (!isTimeZone(timeZone)) throw new ValidationError([{ path: 'timeZone', message: 'unknownTimeZone' }]);
    const today = todayIn(timeZone, ctx.now);
    // A profile that has not made an invoice yet may still move its start, within the same bound as a new one.
    checkSchedule(schedule, timeZone, today, current.invoicesCreated === 0 && p.startDate !== undefined);
    Object.assign(set, {
      frequency: schedule.frequency,
      interval: schedule.interval,
      dayOfMonth: schedule.dayOfMonth ?? null,
      startDate: schedule.startDate,
      endDate: schedule.endDate ?? null,
      count: schedule.count ?? null,
      timeZone,
    });
    // Runs already made or skipped stay behind: the new schedule starts after the last of them.
    // The last billed period is read from the runs themselves: the current schedule's dates
    // may be those of an earlier edit, and landing on a billed period would stop the profile.
    const lastBilled = await lastRecurringRunDate(ctx.db, ctx.tenantId, id);
    let from =
      current.nextIndex > 0
        ? addDays(occurrence(scheduleOf(current), current.nextIndex - 1), 1)
        : schedule.startDate;
    if (lastBilled && from <= lastBilled) from = addDays(lastBilled, 1);
    if (from < schedule.startDate) from = schedule.startDate;
    if (current.invoicesCreated > 0 && from < today) from = today;
    const n = firstRunOnOrAfter(schedule, from);
    Object.assign(set, positionAt(schedule, n, current.invoicesCreated, current.status === 'paused'));
  }
  const row = await updateRecurring(
    ctx.db,
    ctx.tenantId,
    id,
    set,
    { statuses: [current.status], nextRunDate: current.nextRunDate },
    ctx.now,
    (rid) => [auditLineIfChanged(ctx, 'recurring.updated', { type: 'recurring', id: rid })],
  );
  if (!row) throw new ConflictError('recurringMoved');
  return view(ctx, row);
}

export async function deleteRecurringFor(ctx: TenantContext, id: string) {
  await load(ctx, id);
  const removed = await deleteRecurring(ctx.db, ctx.tenantId, id, (rid) => [
    auditLineIfChanged(ctx, 'recurring.deleted', { type: 'recurring', id: rid }),
  ]);
  if (!removed) throw new DomainError(404, 'recurringNotFound');
}

async function move(
  ctx: TenantContext,
  current: RecurringRow,
  verb: string,
  to: Partial<RecurringRow>,
  from: RecurringStatus[],
) {
  const row = await updateRecurring(
    ctx.db,
    ctx.tenantId,
    current.id,
    to,
    { statuses: from, nextRunDate: current.nextRunDate },
    ctx.now,
    (id) => [
      auditLineIfChanged(ctx, `recurring.${verb}`, { type: 'recurring', id }, { from: current.nextRunDate }),
    ],
  );
  if (!row) throw new ConflictError('recurringMoved');
  return view(ctx, row);
}

/** Stops making invoices until resumed; pausing a paused profile changes nothing. */
export async function pauseRecurringFor(ctx: TenantContext, id: string) {
  const current = await load(ctx, id);
  if (current.status === 'paused') return view(ctx, current);
  if (current.status === 'ended') throw new ConflictError('recurringEnded');
  return move(ctx, current, 'paused', { status: 'paused' }, ['active']);
}

/**
 * Starts again from the first run on or after today (in the profile's zone): the periods
 * missed while paused are not billed — pausing means "not these".
 */
export async function resumeRecurringFor(ctx: TenantContext, id: string) {
  const current = await load(ctx, id);
  if (current.status === 'active') return view(ctx, current);
  if (current.status === 'ended') throw new ConflictError('recurringEnded');
  const schedule = scheduleOf(current);
  const n = Math.max(current.nextIndex, firstRunOnOrAfter(schedule, todayIn(current.timeZone, ctx.now)));
  return move(ctx, current, 'resumed', positionAt(schedule, n, current.invoicesCreated, false), ['paused']);
}

/** Leaves out the next run (no invoice for that period); the schedule ends if it was the last. */
export async function skipRecurringFor(ctx: TenantContext, id: string) {
  const current = await load(ctx, id);
  if (current.status === 'ended') throw new ConflictError('recurringEnded');
  if (current.status === 'paused') throw new ConflictError('recurringPaused');
  const at = positionAt(scheduleOf(current), current.nextIndex + 1, current.invoicesCreated, false);
  return move(ctx, current, 'skipped', at, ['active']);
}
