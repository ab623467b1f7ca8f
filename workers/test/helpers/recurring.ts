import { env } from 'cloudflare:test';
import { createDueRecurringInvoices } from '../../services/recurring/runs';
import { type Caller, call, createClient, json, line, type Schemas } from './api';
import { appContext } from './context';

export type RecurringInvoice = Schemas['RecurringInvoice'];

/** Today's date in UTC, as the API writes dates. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/** A recurring invoice for a new client (or `clientId`), monthly from today unless the body says otherwise. */
export async function createRecurring(
  as: Caller,
  body: Record<string, unknown> = {},
  client: Record<string, unknown> = {},
): Promise<RecurringInvoice> {
  const clientId = (body.clientId as string | undefined) ?? (await createClient(as, client)).id;
  const res = await call('/recurring-invoices', {
    method: 'POST',
    body: {
      clientId,
      lines: [line({ description: 'Retainer {{period.start}} – {{period.end}}' })],
      schedule: { frequency: 'monthly', startDate: todayUtc() },
      timeZone: 'UTC',
      ...body,
    },
    as,
  });
  if (res.status !== 201) throw new Error(`create recurring failed: ${res.status} ${await res.text()}`);
  return json<RecurringInvoice>(res);
}

/** One cron pass over the recurring invoices, as the scheduled handler runs it, at `now`. */
export function runRecurring(now: Date): Promise<number> {
  return createDueRecurringInvoices(appContext(env, { now }));
}

export async function getRecurring(as: Caller, id: string): Promise<RecurringInvoice> {
  return json<RecurringInvoice>(await call(`/recurring-invoices/${id}`, { as }));
}

/** The invoices a profile made, as the API shows them, oldest period first. */
export async function invoicesOf(as: Caller, id: string) {
  const profile = await getRecurring(as, id);
  return Promise.all(
    profile.invoiceIds.map(async (inv) => json<Schemas['Invoice']>(await call(`/invoices/${inv}`, { as }))),
  );
}
