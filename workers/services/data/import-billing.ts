import type { CreditNoteRow, ImportTable } from '@clientele/db';
import { z } from '@hono/zod-openapi';
import type { TenantContext } from '../context';
import { planCreditNotePdf } from '../credit-notes/pdf';
import { BILLING_SINCE, pdfPath, RecurringFileSchema, ROW_FILES, rowSchema } from './archive-format';
import type { IdMap } from './id-map';

type Row = Record<string, unknown>;
type Read = <T extends z.ZodType>(name: string, schema: T) => z.infer<T>;

/** A file to store with the import, as `importArchive` collects them. */
export interface ImportPut {
  key: string;
  bytes: Uint8Array;
  contentType: string;
  meta: Record<string, string>;
}

/**
 * Credit notes, the client credit ledger and recurring profiles (with their runs) as an
 * archive carries them. An archive made before they existed has none of these files and
 * imports with none of them; a newer one without them is incomplete and refused by `read`.
 */
export function readBilling(read: Read, entries: Record<string, Uint8Array>, version: number) {
  const has = (name: string) => version >= BILLING_SINCE || entries[name] !== undefined;
  const f = ROW_FILES;
  return {
    creditNotes: has(f.creditNotes) ? read(f.creditNotes, z.array(rowSchema('creditNotes'))) : [],
    credits: has(f.credits) ? read(f.credits, z.array(rowSchema('credits'))) : [],
    recurring: has(f.recurring) ? read(f.recurring, z.array(RecurringFileSchema)) : [],
  };
}
export type BillingFiles = ReturnType<typeof readBilling>;

/** The ids these rows bring, for the import's id map. */
export function billingIds(b: BillingFiles) {
  const f = ROW_FILES;
  return [
    ...b.creditNotes.map((r, i) => ({ id: String(r.id), path: `${f.creditNotes}[${i}].id` })),
    ...b.credits.map((r, i) => ({ id: String(r.id), path: `${f.credits}[${i}].id` })),
    ...b.recurring.map((r, i) => ({ id: String(r.id), path: `${f.recurring}[${i}].id` })),
  ];
}

/**
 * The rows with the new business's ids, in the order their foreign keys need (after clients,
 * documents and payments), and each credit note's PDF stored where its new copy looks for it.
 */
export async function billingRowsFor(
  ctx: TenantContext,
  b: BillingFiles,
  ids: IdMap,
  entries: Record<string, Uint8Array>,
  needLogo: (old: unknown, path: string) => string | null,
  puts: ImportPut[],
) {
  const f = ROW_FILES;
  const creditNotes = b.creditNotes.map((r, i) => {
    const at = `${f.creditNotes}[${i}]`;
    const snapshot = r.snapshot as Row;
    const seller = snapshot.seller as Row | undefined;
    const invoice = snapshot.invoice as Row | undefined;
    return {
      ...r,
      id: ids.to(String(r.id), `${at}.id`),
      clientId: ids.to(String(r.clientId), `${at}.clientId`),
      invoiceId: ids.to(String(r.invoiceId), `${at}.invoiceId`),
      snapshot: {
        ...snapshot,
        seller: { ...seller, logoKey: needLogo(seller?.logoKey, `${at}.snapshot.seller.logoKey`) },
        invoice: { ...invoice, id: ids.to(String(invoice?.id), `${at}.snapshot.invoice.id`) },
      },
    };
  });
  const credits = b.credits.map((r, i) => {
    const at = `${f.credits}[${i}]`;
    return {
      ...r,
      id: ids.to(String(r.id), `${at}.id`),
      clientId: ids.to(String(r.clientId), `${at}.clientId`),
      invoiceId: ids.maybe(r.invoiceId, `${at}.invoiceId`),
      creditNoteId: ids.maybe(r.creditNoteId, `${at}.creditNoteId`),
      paymentId: ids.maybe(r.paymentId, `${at}.paymentId`),
    };
  });
  const recurring = b.recurring.map(({ runs: _r, ...r }, i) => ({
    ...r,
    id: ids.to(String(r.id), `${f.recurring}[${i}].id`),
    clientId: ids.to(String(r.clientId), `${f.recurring}[${i}].clientId`),
  }));
  const recurringRuns = b.recurring.flatMap((r, i) =>
    (r.runs as Row[]).map((run, ri) => ({
      ...run,
      recurringId: ids.to(String(run.recurringId), `${f.recurring}[${i}].runs[${ri}].recurringId`),
      // A run's draft may have been deleted since: the run still marks its period as billed.
      invoiceId: ids.ifKnown(run.invoiceId),
    })),
  );

  for (const [i, note] of creditNotes.entries()) {
    const pdf = entries[pdfPath(String(b.creditNotes[i]!.id))];
    if (!pdf) continue;
    const plan = await planCreditNotePdf(ctx, asCreditNoteRow(note, ctx.tenantId));
    puts.push({
      key: plan.key,
      bytes: pdf,
      contentType: 'application/pdf',
      meta: { tenantId: ctx.tenantId, documentId: note.id },
    });
  }

  const rows: [ImportTable, Row[]][] = [
    ['creditNotes', creditNotes],
    ['credits', credits],
    ['recurring', recurring],
    ['recurringRuns', recurringRuns],
  ];
  const counts = {
    creditNotes: creditNotes.length,
    clientCredits: credits.length,
    recurringInvoices: recurring.length,
  };
  return { rows, counts };
}

/** The credit note as the row its PDF plan reads (checked against the table's columns already). */
function asCreditNoteRow(note: Row, tenantId: string): CreditNoteRow {
  const out: Row = { ...note, tenantId };
  for (const k of ['sentAt', 'createdAt']) {
    const v = out[k];
    out[k] = typeof v === 'string' ? new Date(v) : (v ?? null);
  }
  return out as CreditNoteRow;
}
