import { createExecutionContext, createScheduledController, env, SELF } from 'cloudflare:test';
import worker from '../../index';
import {
  type Caller,
  call,
  createClient,
  createInvoice,
  json,
  ORIGIN,
  pay,
  sendInvoice,
  withApiKey,
} from './api';
import { portalCookie } from './portal';
import { createRecurring } from './recurring';
import { connectStripe } from './stripe';
import { openTicketInPortal, supportClient } from './tickets';

/** A 1×1 PNG, accepted as a logo. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/**
 * A business with something in every corner: clients, an issued invoice with its PDF in R2,
 * a payment, a ticket with an attachment, a logo, an API key, Stripe keys, a client
 * signed into the portal, a credit note with the client credit it left, and a recurring
 * invoice that has billed its first period.
 */
export async function busyBusiness(owner: Caller) {
  const { client, cookie } = await supportClient(owner);
  const invoice = await createInvoice(owner, client.id);
  await sendInvoice(owner, invoice.id);
  await pay(owner, invoice.id, 1000);
  const pdf = await call(`/invoices/${invoice.id}/pdf`, { as: owner });
  await pdf.arrayBuffer();
  await createClient(owner, { name: 'Second client' });
  const paid = await sendInvoice(owner, (await createInvoice(owner, client.id)).id);
  await pay(owner, paid.id, paid.total);
  const note = await call(`/invoices/${paid.id}/credit-notes`, {
    method: 'POST',
    body: { amount: 500, reason: 'Goodwill' },
    as: owner,
  });
  if (note.status !== 201) throw new Error(`credit note failed: ${note.status} ${await note.text()}`);
  await createRecurring(owner, { clientId: client.id });
  const run = await call('/dev/recurring-invoices/run', { method: 'POST', as: owner });
  if (run.status !== 200) throw new Error(`recurring run failed: ${run.status} ${await run.text()}`);
  const file = new File(['%PDF-1.4 receipt'], 'receipt.pdf', { type: 'application/pdf' });
  await openTicketInPortal(cookie, { subject: 'Question', message: 'Hi' }, [file]);
  await SELF.fetch(`${ORIGIN}/api/v1/settings/logo`, {
    method: 'PUT',
    headers: { ...owner.headers, origin: ORIGIN, 'content-type': 'image/png' },
    body: PNG,
  });
  await connectStripe(owner);
  const key = await withApiKey(owner);
  const link = await json<{ url: string }>(
    await call(`/clients/${client.id}/portal-links`, { method: 'POST', as: owner }),
  );
  return {
    client,
    invoice,
    portalCookie: cookie,
    apiKey: key,
    linkUrl: link.url,
    secondPortal: await portalCookie(owner, client.id),
  };
}

/** Tables with a business column, read from the database itself (not from the code under test). */
export async function tenantTables(): Promise<string[]> {
  const rows = await env.DB.prepare(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'd1_%' ESCAPE '\\'",
  ).all<{ name: string; sql: string }>();
  return rows.results
    .filter((r) => /[`"\s(]tenant_id[`"\s]/.test(r.sql))
    .map((r) => r.name)
    .sort();
}

/** Rows per table for one business, and its files in R2 (any key naming it). */
export async function footprint(tenantId: string) {
  const rows: Record<string, number> = {};
  for (const table of await tenantTables()) {
    const r = await env.DB.prepare(`SELECT count(*) AS n FROM "${table}" WHERE tenant_id = ?`)
      .bind(tenantId)
      .first<{ n: number }>();
    if (r && r.n > 0) rows[table] = r.n;
  }
  const tenant = await env.DB.prepare('SELECT count(*) AS n FROM tenants WHERE id = ?')
    .bind(tenantId)
    .first<{ n: number }>();
  if (tenant && tenant.n > 0) rows.tenants = tenant.n;
  const files: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.FILES.list({ limit: 1000, ...(cursor ? { cursor } : {}) });
    files.push(...page.objects.map((o) => o.key).filter((k) => k.includes(tenantId)));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return { rows, files: files.sort() };
}

/** Runs the cron as Cloudflare would, at `at`. */
export async function runCron(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '*/15 * * * *', scheduledTime: at }), env, ctx);
}

export async function closeBusiness(
  as: Caller,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return call('/business', { method: 'DELETE', body, as, headers });
}
