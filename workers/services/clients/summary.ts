import { ESTIMATE_VIEW_STATUSES, INVOICE_VIEW_STATUSES } from '@clientele/core';
import { clientSummaryGroups, creditByCurrency, getClient } from '@clientele/db';
import type { TenantContext } from '../context';
import { today } from '../documents/view';
import { NotFoundError } from '../errors';
import type { ClientSummary, CurrencySummary } from './schema';

/**
 * Client 360°: money per currency (never summed across currencies) and document
 * counts. The database does the aggregation; this folds a few grouped rows.
 */
export async function clientSummary(ctx: TenantContext, clientId: string): Promise<ClientSummary> {
  const client = await getClient(ctx.db, ctx.tenantId, clientId);
  if (!client) throw new NotFoundError('client');
  return summaryOf(ctx, clientId);
}

/** The summary for a client the caller has already loaded (saves reading it twice). */
export async function summaryOf(ctx: TenantContext, clientId: string): Promise<ClientSummary> {
  const [groups, credits] = await Promise.all([
    clientSummaryGroups(ctx.db, ctx.tenantId, clientId, today(ctx.now)),
    creditByCurrency(ctx.db, ctx.tenantId, clientId),
  ]);
  const byCurrency = new Map<string, CurrencySummary>();
  const invoices = Object.fromEntries(INVOICE_VIEW_STATUSES.map((s) => [s, 0]));
  const estimates = Object.fromEntries(ESTIMATE_VIEW_STATUSES.map((s) => [s, 0]));
  let last = 0;
  for (const g of groups) {
    last = Math.max(last, Number(g.lastDocumentAt ?? 0), Number(g.lastPaymentAt ?? 0));
    if (g.type === 'estimate') {
      const status = g.expired ? 'expired' : g.status;
      estimates[status] = (estimates[status] ?? 0) + g.count;
      continue;
    }
    invoices[g.status] = (invoices[g.status] ?? 0) + g.count;
    if (g.overdue) invoices.overdue = (invoices.overdue ?? 0) + g.count;
    if (g.status === 'draft' || g.status === 'void') continue;
    const c = byCurrency.get(g.currency) ?? {
      currency: g.currency,
      totalInvoiced: 0,
      totalPaid: 0,
      outstanding: 0,
      overdue: 0,
      credited: 0,
      credit: 0,
    };
    c.totalInvoiced += g.total;
    c.totalPaid += g.paid;
    c.outstanding += g.total - g.paid;
    if (g.overdue) c.overdue += g.total - g.paid;
    byCurrency.set(g.currency, c);
  }
  const blank = (currency: string): CurrencySummary => ({
    currency,
    totalInvoiced: 0,
    totalPaid: 0,
    outstanding: 0,
    overdue: 0,
    credited: 0,
    credit: 0,
  });
  // What credit notes took off an invoice is settled, not paid: it leaves `totalPaid`. So does
  // credit used on an invoice: that money was counted when it was received.
  for (const c of credits) {
    const entry = byCurrency.get(c.currency) ?? blank(c.currency);
    entry.credit = c.credit;
    entry.credited = c.credited;
    entry.totalPaid -= c.settled + c.applied;
    byCurrency.set(c.currency, entry);
  }
  return {
    clientId,
    currencies: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    invoices,
    estimates,
    lastActivityAt: last ? new Date(last).toISOString() : null,
  };
}
