import {
  AmountError,
  type AmountRefusal,
  type EstimateViewStatus,
  type InvoiceViewStatus,
  type LineInput,
  totals,
} from '@clientele/core';
import {
  type Client,
  convertEstimate,
  createDocument,
  type DocumentFields,
  type DocumentRow,
  type DocumentRows,
  type DocumentSnapshot,
  type DocumentType,
  decideEstimate,
  deleteDraft,
  discountPercentOf,
  documentAs,
  type EmailRow,
  getClient,
  getDocument,
  getTenant,
  issueDocument,
  listDocuments,
  NumberTakenError,
  updateDraft,
  voidInvoice,
} from '@clientele/db';
import { getClientFor } from '../clients/clients';
import type { TenantContext } from '../context';
import { ConflictError, NotFoundError, say, ValidationError, type WordKey } from '../errors';
import { assertMayEmailClients } from '../mail/client-email-cap';
import { queueDocumentEmail } from '../mail/outgoing';
import { blankToNull } from '../text';
import { documentLine, issuedLine } from './audit-lines';
import { sellerOf } from './parties';
import type { BillTo, DocumentInput, DocumentViews, LineApiInput } from './schema';
import { toDocumentView, today } from './view';

export function toLines(lines: LineApiInput[]): LineInput[] {
  return lines.map((l) => ({
    description: l.description,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    ...(l.discountPercent ? { discountPercent: l.discountPercent } : {}),
    taxes: l.taxes ?? (l.taxRate ? [{ rate: l.taxRate }] : []),
  }));
}

/** An arithmetic refusal, as the catalogue words it. */
const AMOUNT_REFUSALS: Record<AmountRefusal, WordKey> = {
  'not-a-number': 'enterNumber',
  'too-precise': 'fewerDecimals',
  'too-large': 'tooLarge',
  'percent-range': 'percentRange',
  negative: 'notNegative',
  'not-whole': 'wholeMinorUnits',
};

/** Runs totals(), turning arithmetic refusals into a 422 that names the field. */
export function computeTotals(lines: LineInput[], discountPercent: number) {
  try {
    return totals(lines, discountPercent);
  } catch (err) {
    if (err instanceof AmountError) {
      throw new ValidationError([{ path: err.path, message: AMOUNT_REFUSALS[err.reason] }]);
    }
    throw err;
  }
}

export function billToOf(c: Client): BillTo {
  return {
    name: c.name,
    company: c.company,
    email: c.email,
    billingAddress: {
      street: c.street,
      city: c.city,
      state: c.state,
      postalCode: c.postalCode,
      country: c.country,
    },
    taxId: c.taxId,
  };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function clientFor(ctx: TenantContext, clientId: string): Promise<Client> {
  const client = await getClient(ctx.db, ctx.tenantId, clientId);
  // Another tenant's client is reported exactly like a missing one.
  if (!client) throw new ValidationError([{ path: 'clientId', message: 'noSuchClient' }]);
  if (client.archivedAt) throw new ValidationError([{ path: 'clientId', message: 'clientArchived' }]);
  return client;
}

/** A row a query returned for `type`, as that kind (`undefined` when there was none). */
export function asKind<T extends DocumentType>(
  type: T,
  row: DocumentRow | undefined,
): DocumentRows[T] | undefined {
  return row ? (documentAs(type, row) ?? undefined) : undefined;
}

export async function load<T extends DocumentType>(
  ctx: TenantContext,
  type: T,
  id: string,
): Promise<DocumentRows[T]> {
  const row = asKind(type, await getDocument(ctx.db, ctx.tenantId, type, id));
  if (!row) throw new NotFoundError(type);
  return row;
}

async function view<T extends DocumentType>(
  ctx: TenantContext,
  type: T,
  row: DocumentRows[T],
): Promise<DocumentViews[T]> {
  if (row.snapshot) return toDocumentView(type, row, ctx.now);
  const client = await getClient(ctx.db, ctx.tenantId, row.clientId);
  return toDocumentView(type, row, ctx.now, client ? billToOf(client) : null);
}

function checkDates(f: { issueDate: string; dueDate: string | null; validUntil: string | null }) {
  if (f.dueDate && f.dueDate < f.issueDate) {
    throw new ValidationError([{ path: 'dueDate', message: 'dueBeforeIssue' }]);
  }
  if (f.validUntil && f.validUntil < f.issueDate) {
    throw new ValidationError([{ path: 'validUntil', message: 'validUntilBeforeIssue' }]);
  }
}

export async function createDraft<T extends DocumentType>(
  ctx: TenantContext,
  type: T,
  input: DocumentInput,
): Promise<DocumentViews[T]> {
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  if (!tenant) throw new NotFoundError('business');
  const client = await clientFor(ctx, input.clientId);
  const issueDate = input.issueDate ?? today(ctx.now);
  const terms = input.paymentTermsDays ?? tenant.paymentTermsDays;
  const fields: DocumentFields = {
    clientId: client.id,
    currency: input.currency ?? client.currency ?? tenant.currency,
    language: client.language,
    issueDate,
    dueDate: type === 'invoice' ? (input.dueDate ?? addDays(issueDate, terms)) : null,
    validUntil: type === 'estimate' ? (input.validUntil ?? addDays(issueDate, 30)) : null,
    lines: toLines(input.lines),
    discountPercent: input.discountPercent ?? 0,
    notes: blankToNull(input.notes) ?? null,
    footer: blankToNull(input.footer) ?? null,
  };
  checkDates(fields);
  const t = computeTotals(fields.lines, fields.discountPercent);
  const line = documentLine(ctx, type, 'created', { clientId: client.id });
  const row = asKind(type, await createDocument(ctx.db, ctx.tenantId, type, fields, t, ctx.now, {}, line));
  if (!row) throw new NotFoundError(type);
  return toDocumentView(type, row, ctx.now, billToOf(client));
}

export async function getDocumentFor<T extends DocumentType>(ctx: TenantContext, type: T, id: string) {
  return view(ctx, type, await load(ctx, type, id));
}

export async function updateDraftFor<T extends DocumentType>(
  ctx: TenantContext,
  type: T,
  id: string,
  patch: Partial<DocumentInput>,
) {
  const current = await load(ctx, type, id);
  if (current.status !== 'draft') throw new ConflictError(say('onlyDraftsEditable', type === 'invoice'));
  const fields: Partial<DocumentFields> = {};
  if (patch.clientId !== undefined) {
    fields.clientId = (await clientFor(ctx, patch.clientId)).id;
  }
  if (patch.currency !== undefined) fields.currency = patch.currency;
  if (patch.issueDate !== undefined) fields.issueDate = patch.issueDate;
  if (patch.dueDate !== undefined && type === 'invoice') fields.dueDate = patch.dueDate;
  if (patch.validUntil !== undefined && type === 'estimate') fields.validUntil = patch.validUntil;
  if (patch.lines !== undefined) fields.lines = toLines(patch.lines);
  if (patch.discountPercent !== undefined) fields.discountPercent = patch.discountPercent;
  if (patch.notes !== undefined) fields.notes = blankToNull(patch.notes) ?? null;
  if (patch.footer !== undefined) fields.footer = blankToNull(patch.footer) ?? null;
  const merged = {
    issueDate: fields.issueDate ?? current.issueDate,
    dueDate: fields.dueDate !== undefined ? fields.dueDate : current.dueDate,
    validUntil: fields.validUntil !== undefined ? fields.validUntil : current.validUntil,
  };
  checkDates(merged);
  const t =
    fields.lines || fields.discountPercent !== undefined
      ? computeTotals(
          fields.lines ?? (current.lines as LineInput[]),
          fields.discountPercent ?? discountPercentOf(current),
        )
      : undefined;
  const line = documentLine(ctx, type, 'updated');
  const row = asKind(type, await updateDraft(ctx.db, ctx.tenantId, type, id, fields, t, ctx.now, line));
  if (!row) throw new ConflictError(say('issuedWhileEditing', type === 'invoice'));
  return view(ctx, type, row);
}

export async function deleteDraftFor(ctx: TenantContext, type: DocumentType, id: string) {
  const current = await load(ctx, type, id);
  if (current.status !== 'draft') {
    throw new ConflictError(say('keptForRecord', type === 'invoice'));
  }
  if (!(await deleteDraft(ctx.db, ctx.tenantId, type, id, documentLine(ctx, type, 'deleted'))))
    throw new ConflictError(say('justIssued', type === 'invoice'));
}

/**
 * Issues a draft (number + frozen snapshot) and queues its email. Sending an issued
 * document again is refused unless it is an explicit `resend`, so a double click or a
 * second tab never emails the client twice. Void invoices cannot be sent. `email` is null
 * when the client has no address on file.
 */
export async function sendDocument<T extends DocumentType>(
  ctx: TenantContext,
  type: T,
  id: string,
  opts: { resend?: boolean; requestKey?: string | undefined } = {},
): Promise<{ document: DocumentViews[T]; email: EmailRow | null }> {
  // Before issuing: over the daily cap nothing is issued, rather than issued and not sent.
  await assertMayEmailClients(ctx);
  const { document, issuedNow } = await issue(ctx, type, id, opts);
  // Issuing emails once, whatever retries follow; a resend is one email per request (its
  // Idempotency-Key, when the caller sent one, makes a retried request the same request).
  const emailKey = issuedNow
    ? `send:${document.id}`
    : `resend:${document.id}:${opts.requestKey ?? crypto.randomUUID()}`;
  return { document, email: await queueDocumentEmail(ctx, document, emailKey) };
}

async function issue<T extends DocumentType>(
  ctx: TenantContext,
  type: T,
  id: string,
  opts: { resend?: boolean },
): Promise<{ document: DocumentViews[T]; issuedNow: boolean }> {
  const current = await load(ctx, type, id);
  if (current.status === 'void') throw new ConflictError('voidCannotBeSent');
  if (current.status !== 'draft') {
    if (!opts.resend) throw alreadySent(type, current);
    return { document: await view(ctx, type, current), issuedNow: false };
  }
  if ((current.lines as LineInput[]).length === 0) {
    throw new ValidationError([{ path: 'lines', message: 'addLineBeforeSending' }]);
  }
  const [tenant, client] = await Promise.all([
    getTenant(ctx.db, ctx.tenantId),
    getClient(ctx.db, ctx.tenantId, current.clientId),
  ]);
  if (!tenant || !client) throw new NotFoundError(type);
  const snapshot: Omit<DocumentSnapshot, 'number'> = {
    type,
    language: current.language,
    currency: current.currency,
    issueDate: current.issueDate,
    dueDate: current.dueDate,
    validUntil: current.validUntil,
    seller: sellerOf(tenant),
    billTo: billToOf(client),
    totals: totals(current.lines as LineInput[], discountPercentOf(current)),
    discountPercent: discountPercentOf(current),
    notes: current.notes,
    footer: current.footer,
  };
  const format = type === 'invoice' ? tenant.invoiceNumberFormat : tenant.estimateNumberFormat;
  const issued = await issueDocument(
    ctx.db,
    ctx.tenantId,
    id,
    { format, issueDate: current.issueDate, snapshot, type },
    ctx.now,
    issuedLine(ctx, type),
  ).catch((err: unknown) => {
    if (!(err instanceof NumberTakenError)) throw err;
    const taken = say('numberTaken', format, type === 'invoice');
    throw new ConflictError(taken, [{ path: 'number', message: taken }]);
  });
  const row = asKind(type, issued?.row);
  if (!issued || !row) throw new NotFoundError(type);
  // Two sends of one draft at once: the batch issues it for one of them only (it checks
  // "still a draft"); the other finds it issued by someone else and is refused like a repeat.
  if (!issued.issuedNow) {
    if (!opts.resend) throw alreadySent(type, row);
    return { document: await view(ctx, type, row), issuedNow: false };
  }
  return { document: await view(ctx, type, row), issuedNow: true };
}

function alreadySent(type: DocumentType, row: DocumentRow) {
  return new ConflictError(say('alreadySent', type === 'invoice', row.number ?? ''));
}

export async function voidInvoiceFor(ctx: TenantContext, id: string) {
  const current = await load(ctx, 'invoice', id);
  if (current.status === 'void') return view(ctx, 'invoice', current);
  if (current.status === 'draft') throw new ConflictError('deleteDraftInstead');
  if (current.amountPaid > 0) throw new ConflictError('hasPayments');
  const line = documentLine(ctx, 'invoice', 'voided', { number: current.number });
  const row = asKind('invoice', await voidInvoice(ctx.db, ctx.tenantId, id, ctx.now, line));
  if (!row) throw new ConflictError('changedMeanwhile');
  return view(ctx, 'invoice', row);
}

export async function decideEstimateFor(
  ctx: TenantContext,
  id: string,
  decision: 'accepted' | 'rejected',
  reason: string | null,
) {
  const current = await load(ctx, 'estimate', id);
  if (current.status === decision) return view(ctx, 'estimate', current);
  const row = asKind(
    'estimate',
    await decideEstimate(
      ctx.db,
      ctx.tenantId,
      id,
      decision,
      today(ctx.now),
      reason,
      ctx.now,
      documentLine(ctx, 'estimate', decision, { number: current.number }),
    ),
  );
  if (!row) {
    throw new ConflictError(current.status === 'draft' ? 'sendEstimateFirst' : 'estimateDecided');
  }
  return view(ctx, 'estimate', row);
}

export async function convertEstimateFor(ctx: TenantContext, id: string) {
  const est = await load(ctx, 'estimate', id);
  if (est.convertedInvoiceId) throw new ConflictError('alreadyConverted');
  if (est.status !== 'accepted') throw new ConflictError('onlyAcceptedConverts');
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  const issueDate = today(ctx.now);
  const invoice = asKind(
    'invoice',
    await convertEstimate(
      ctx.db,
      ctx.tenantId,
      id,
      { issueDate, dueDate: addDays(issueDate, tenant?.paymentTermsDays ?? 30) },
      ctx.now,
      (invoiceId) => documentLine(ctx, 'estimate', 'converted', { invoiceId, number: est.number })(id),
    ),
  );
  if (!invoice) throw new ConflictError('alreadyConverted');
  return view(ctx, 'invoice', invoice);
}

/** One client's invoices or estimates; a client that is not this business's is not found. */
export async function clientDocumentsFor<T extends DocumentType>(
  ctx: TenantContext,
  clientId: string,
  type: T,
  opts: Omit<Parameters<typeof listDocumentsFor>[2], 'clientId'>,
) {
  await getClientFor(ctx, clientId);
  return listDocumentsFor(ctx, type, { ...opts, clientId });
}

export async function listDocumentsFor<T extends DocumentType>(
  ctx: TenantContext,
  type: T,
  opts: {
    clientId?: string | undefined;
    status?: InvoiceViewStatus | EstimateViewStatus | undefined;
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const page = await listDocuments(ctx.db, ctx.tenantId, { ...opts, type, today: today(ctx.now) });
  const data: DocumentViews[T][] = [];
  for (const r of page.data) {
    const row = documentAs(type, r);
    if (row) data.push(toDocumentView(type, { ...row, clientName: r.clientName }, ctx.now));
  }
  return { data, nextCursor: page.nextCursor };
}
