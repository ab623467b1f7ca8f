import { getCreditNote } from '@clientele/db';
import type { TenantContext } from '../context';
import type { DocumentFacts } from '../mail/values';
import { creditNotePdf } from './pdf';

/** What a credit note's email needs: its facts, the invoice it corrects, and its PDF. */
export async function creditNoteMail(ctx: TenantContext, id: string) {
  const row = await getCreditNote(ctx.db, ctx.tenantId, id);
  if (!row) return undefined;
  const document: DocumentFacts = {
    number: row.number,
    currency: row.currency,
    total: row.total,
    amountDue: 0,
    issueDate: row.issueDate,
    dueDate: null,
  };
  const pdf = await creditNotePdf(ctx, row);
  const bytes =
    pdf.body instanceof Uint8Array ? pdf.body : new Uint8Array(await new Response(pdf.body).arrayBuffer());
  return {
    document,
    values: { 'invoice.number': row.snapshot.invoice.number },
    attachment: { filename: pdf.filename, contentType: 'application/pdf', bytes },
  };
}
