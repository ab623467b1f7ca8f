import { isLanguage } from '@clientele/core';
import { getClient, getTenant, statementInvoices } from '@clientele/db';
import { RENDERER_VERSION, renderStatementPdf, type StatementInvoice } from '@clientele/pdf';
import { sha256Hex } from '../auth/encoding';
import type { TenantContext } from '../context';
import { workerFonts } from '../documents/fonts';
import { sellerOf } from '../documents/parties';
import { portalHome } from '../documents/pdf';
import type { BillTo } from '../documents/schema';
import { isOverdue, today } from '../documents/view';
import { NotFoundError } from '../errors';
import { logoForPdf } from '../settings/logo';
import { summaryOf } from './summary';

/**
 * The client's statement PDF as of today, cached in R2 under a hash of its content:
 * any new invoice or payment produces a new file.
 */
export async function clientStatementPdf(ctx: TenantContext, clientId: string) {
  const { files } = ctx;
  const [client, tenant] = await Promise.all([
    getClient(ctx.db, ctx.tenantId, clientId),
    getTenant(ctx.db, ctx.tenantId),
  ]);
  if (!client || !tenant) throw new NotFoundError('client');
  const [summary, rows] = await Promise.all([
    summaryOf(ctx, clientId),
    statementInvoices(ctx.db, ctx.tenantId, clientId),
  ]);
  const day = today(ctx.now);
  const invoices: StatementInvoice[] = rows.map((r) => ({
    number: r.number ?? '',
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    currency: r.currency,
    total: r.total,
    amountPaid: r.amountPaid,
    amountDue: r.total - r.amountPaid,
    status: r.status as StatementInvoice['status'],
    overdue: isOverdue(r, day),
  }));
  const address = (a: BillTo['billingAddress']) => a;
  const input = {
    language: isLanguage(client.language) ? client.language : 'en',
    asOf: day,
    seller: sellerOf(tenant),
    client: {
      name: client.name,
      company: client.company,
      email: client.email,
      address: address({
        street: client.street,
        city: client.city,
        state: client.state,
        postalCode: client.postalCode,
        country: client.country,
      }),
      taxId: client.taxId,
    },
    currencies: summary.currencies,
    invoices,
    portalUrl: portalHome(ctx),
    logoKey: tenant.logoKey,
  } as const;
  const hash = await sha256Hex(`${RENDERER_VERSION}\n${JSON.stringify(input)}`);
  const key = `pdf/${ctx.tenantId}/${clientId}/statement-${hash.slice(0, 32)}.pdf`;
  const slug = client.name.replace(/[/\\:*?"<>|\s]+/g, '-');
  const filename = `statement-${slug}-${day}.pdf`;
  const hit = await files.get(key);
  if (hit) return { body: hit.body, filename, cached: true };
  const logo = await logoForPdf(ctx, tenant.logoKey);
  const bytes = await renderStatementPdf(
    { ...input, currencies: [...input.currencies], logo },
    { fonts: workerFonts(ctx) },
  );
  await files.put(key, bytes, { httpMetadata: { contentType: 'application/pdf' } });
  return { body: bytes, filename, cached: false };
}
