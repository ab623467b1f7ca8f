import type { Language } from '@clientele/core';
import { formatDate, formatMoney, localeOf } from '@clientele/core';
import { type Client, getClient, getTenant, type Tenant } from '@clientele/db';
import type { TenantContext } from '../context';
import { NotFoundError } from '../errors';
import type { Values } from './templates';

export interface DocumentFacts {
  number: string | null;
  currency: string;
  total: number;
  amountDue: number;
  issueDate: string;
  dueDate: string | null;
  validUntil?: string | null;
}

/** Template values formatted for the reader: money and dates in the client's language. */
export function templateValues(
  language: Language,
  tenant: Pick<Tenant, 'name' | 'email'>,
  client: Pick<Client, 'name' | 'company' | 'email'>,
  extra: { document?: DocumentFacts; portalLink?: string | null; values?: Values } = {},
): Values {
  const money = (n: number, c: string) => formatMoney(n, c, localeOf(language));
  const d = extra.document;
  return {
    'client.name': client.name,
    'client.company': client.company,
    'client.email': client.email,
    'business.name': tenant.name,
    'business.email': tenant.email,
    portalLink: extra.portalLink ?? '',
    ...(d
      ? {
          'document.number': d.number ?? '',
          'document.total': money(d.total, d.currency),
          'document.amountDue': money(d.amountDue, d.currency),
          'document.issueDate': formatDate(d.issueDate, language),
          'document.dueDate': d.dueDate ? formatDate(d.dueDate, language) : '',
          'document.validUntil': d.validUntil ? formatDate(d.validUntil, language) : '',
        }
      : {}),
    ...extra.values,
  };
}

const SAMPLE_DOCUMENT: DocumentFacts = {
  number: 'INV-2026-0042',
  currency: 'EUR',
  total: 418200,
  amountDue: 318200,
  issueDate: '2026-03-12',
  dueDate: '2026-04-11',
  validUntil: '2026-04-11',
};

/** Values for the editor's live preview: a real client when given, otherwise a sample one. */
export async function previewValues(
  ctx: TenantContext,
  language: Language,
  clientId?: string,
): Promise<Values> {
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  if (!tenant) throw new NotFoundError('business');
  let client: Pick<Client, 'name' | 'company' | 'email' | 'currency'> = {
    name: 'Maria Oliveira',
    company: 'Oliveira & Filhos Lda',
    email: 'maria@example.com',
    currency: tenant.currency,
  };
  if (clientId) {
    const c = await getClient(ctx.db, ctx.tenantId, clientId);
    if (!c) throw new NotFoundError('client');
    client = c;
  }
  return templateValues(language, tenant, client, {
    document: { ...SAMPLE_DOCUMENT, currency: client.currency },
    portalLink: 'https://portal.example/portal/login/…',
    values: {
      'ticket.subject': 'Question about invoice INV-2026-0042',
      'message.body': 'Thanks for your message — the invoice is now corrected.',
      'payment.amount': formatMoney(100000, client.currency, localeOf(language)),
      'payment.date': formatDate('2026-03-20', language),
      'invoice.number': 'INV-2026-0041',
      'invoice.daysUntilDue': '3',
      'invoice.daysOverdue': '7',
    },
  });
}
