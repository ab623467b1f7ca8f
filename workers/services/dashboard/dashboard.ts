import {
  clientCreditByCurrency,
  getTenant,
  invoicedByMonth,
  listPayments,
  paidByMonth,
  receivablesByCurrency,
  ticketsAwaitingReply,
} from '@clientele/db';
import type { TenantContext } from '../context';
import { today } from '../documents/view';
import { activityFeed } from '../notices/notices';
import { toPaymentView } from '../payments/payments';
import type { Dashboard } from './schema';

/** The last `n` calendar months up to today's, oldest first: `YYYY-MM`. */
export function lastMonths(day: string, n: number): string[] {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * The admin home: receivables with aging, invoiced vs paid per month for a year, recent
 * payments, tickets awaiting a reply and what clients did — every figure per currency.
 */
export async function dashboard(ctx: TenantContext): Promise<Dashboard> {
  const day = today(ctx.now);
  const months = lastMonths(day, 12);
  const from = `${months[0]}-01`;
  const [tenant, receivables, invoiced, paid, payments, openTickets, credits] = await Promise.all([
    getTenant(ctx.db, ctx.tenantId),
    receivablesByCurrency(ctx.db, ctx.tenantId, day),
    invoicedByMonth(ctx.db, ctx.tenantId, from),
    paidByMonth(ctx.db, ctx.tenantId, from),
    listPayments(ctx.db, ctx.tenantId, { limit: 5 }),
    ticketsAwaitingReply(ctx.db, ctx.tenantId),
    clientCreditByCurrency(ctx.db, ctx.tenantId),
  ]);
  const currencies = [...new Set([...invoiced, ...paid].map((r) => r.currency))].sort();
  const find = (
    rows: { month: string; currency: string; amount: number }[],
    month: string,
    currency: string,
  ) => rows.find((r) => r.month === month && r.currency === currency)?.amount ?? 0;
  return {
    clientCredit: credits.map((c) => ({ currency: c.currency, amount: Number(c.amount) })),
    receivables: receivables.map((r) => ({
      currency: r.currency,
      outstanding: r.outstanding,
      overdue: r.overdue,
      aging: {
        current: r.current,
        days1to30: r.days1to30,
        days31to60: r.days31to60,
        days61to90: r.days61to90,
        days90plus: r.days90plus,
      },
    })),
    invoicedByMonth: currencies.flatMap((currency) =>
      months.map((month) => ({
        month,
        currency,
        invoiced: find(invoiced, month, currency),
        paid: find(paid, month, currency),
      })),
    ),
    recentPayments: payments.map(toPaymentView),
    openTickets,
    activity: await activityFeed(ctx, tenant?.locale ?? 'en'),
  };
}
