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
  type DocumentSnapshot,
  type DocumentType,
  decideEstimate,
  deleteDraft,
  discountPercentOf,
  getClient,
  getDocument,
  getTenant,
  issueDocument,
  listDocuments,
  NumberTakenError,
  updateDraft,
  voidInvoice,
} from '@clientele/db';
import type { TenantContext } from '../context';
import { ConflictError, NotFoundError, say, ValidationError, type WordKey } from '../errors';
import { blankToNull, type Text } from '../text';
import { sellerOf } from './parties';
import { type BillTo, type DocumentView, toDocumentView, today } from './view';

export interface LineApiInput {
  description: string;
  quantity: number;
  unitPrice: number;
  taxRate?: number | null | undefined;
  taxes?: { rate: number; inclusive?: boolean | undefined }[] | undefined;
  discountPercent?: number | undefined;
}

export interface DocumentInput {
  clientId: string;
  currency?: string | undefined;
  issueDate?: string | undefined;
  dueDate?: string | null | undefined;
  paymentTermsDays?: number | undefined;
  validUntil?: string | null | undefined;
  lines: LineApiInput[];
  discountPercent?: number | undefined;
  notes?: Text;
  footer?: Text;
}

function toLines(lines: LineApiInput[]): LineInput[] {
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
function computeTotals(lines: LineInput[], discountPercent: number) {
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

function addDays(date: string, days: number): string {
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

async function load(ctx: TenantContext, type: DocumentType, id: string): Promise<DocumentRow> {
  const row = await getDocument(ctx.db, ctx.tenantId, type, id);
  if (!row) throw new NotFoundError(type);
  return row;
}

async function view(ctx: TenantContext, row: DocumentRow): Promise<DocumentView> {
  if (row.snapshot) return toDocumentView(row, ctx.now);
  const client = await getClient(ctx.db, ctx.tenantId, row.clientId);
  return toDocumentView(row, ctx.now, client ? billToOf(client) : null);
}

function checkDates(f: { issueDate: string; dueDate: string | null; validUntil: string | null }) {
  if (f.dueDate && f.dueDate < f.issueDate) {
    throw new ValidationError([{ path: 'dueDate', message: 'dueBeforeIssue' }]);
  }
  if (f.validUntil && f.validUntil < f.issueDate) {
    throw new ValidationError([{ path: 'validUntil', message: 'validUntilBeforeIssue' }]);
  }
}

export async function createDraft(ctx: TenantContext, type: DocumentType, input: DocumentInput) {
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
  const row = await createDocument(ctx.db, ctx.tenantId, type, fields, t, ctx.now);
  return toDocumentView(row, ctx.now, billToOf(client));
}

export async function getDocumentFor(ctx: TenantContext, type: DocumentType, id: string) {
  return view(ctx, await load(ctx, type, id));
}

export async function updateDraftFor(
  ctx: TenantContext,
  type: DocumentType,
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
  const row = await updateDraft(ctx.db, ctx.tenantId, type, id, fields, t, ctx.now);
  if (!row) throw new ConflictError(say('issuedWhileEditing', type === 'invoice'));
  return view(ctx, row);
}

export async function deleteDraftFor(ctx: TenantContext, type: DocumentType, id: string) {
  const current = await load(ctx, type, id);
  if (current.status !== 'draft') {
    throw new ConflictError(say('keptForRecord', type === 'invoice'));
  }
  if (!(await deleteDraft(ctx.db, ctx.tenantId, type, id)))
    throw new ConflictError(say('justIssued', type === 'invoice'));
}

/**
 * Issues a draft (number + frozen snapshot); the caller queues its email. Sending an
 * issued document again is refused unless it is an explicit `resend`, so a double click
 * or a second tab never emails the client twice. Void invoices cannot be sent.
 */
export async function sendDocument(
  ctx: TenantContext,
  type: DocumentType,
  id: string,
  opts: { resend?: boolean } = {},
): Promise<{ document: DocumentView; issuedNow: boolean }> {
  const current = await load(ctx, type, id);
  if (current.status === 'void') throw new ConflictError('voidCannotBeSent');
  if (current.status !== 'draft') {
    if (!opts.resend) throw alreadySent(type, current);
    return { document: await view(ctx, current), issuedNow: false };
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
  ).catch((err: unknown) => {
    if (!(err instanceof NumberTakenError)) throw err;
    const taken = say('numberTaken', format, type === 'invoice');
    throw new ConflictError(taken, [{ path: 'number', message: taken }]);
  });
  if (!issued) throw new NotFoundError(type);
  // Two sends of one draft at once: the batch issues it for one of them only (it checks
  // "still a draft"); the other finds it issued by someone else and is refused like a repeat.
  if (!issued.issuedNow) {
    if (!opts.resend) throw alreadySent(type, issued.row);
    return { document: await view(ctx, issued.row), issuedNow: false };
  }
  return { document: await view(ctx, issued.row), issuedNow: true };
}

function alreadySent(type: DocumentType, row: DocumentRow) {
  return new ConflictError(say('alreadySent', type === 'invoice', row.number ?? ''));
}

export async function voidInvoiceFor(ctx: TenantContext, id: string) {
  const current = await load(ctx, 'invoice', id);
  if (current.status === 'void') return view(ctx, current);
  if (current.status === 'draft') throw new ConflictError('deleteDraftInstead');
  if (current.amountPaid > 0) throw new ConflictError('hasPayments');
  const row = await voidInvoice(ctx.db, ctx.tenantId, id, ctx.now);
  if (!row) throw new ConflictError('changedMeanwhile');
  return view(ctx, row);
}

export async function decideEstimateFor(
  ctx: TenantContext,
  id: string,
  decision: 'accepted' | 'rejected',
  reason: string | null,
) {
  const current = await load(ctx, 'estimate', id);
  if (current.status === decision) return view(ctx, current);
  const row = await decideEstimate(ctx.db, ctx.tenantId, id, decision, today(ctx.now), reason, ctx.now);
  if (!row) {
    throw new ConflictError(current.status === 'draft' ? 'sendEstimateFirst' : 'estimateDecided');
  }
  return view(ctx, row);
}

export async function convertEstimateFor(ctx: TenantContext, id: string) {
  const est = await load(ctx, 'estimate', id);
  if (est.convertedInvoiceId) throw new ConflictError('alreadyConverted');
  if (est.status !== 'accepted') throw new ConflictError('onlyAcceptedConverts');
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  const issueDate = today(ctx.now);
  const invoice = await convertEstimate(
    ctx.db,
    ctx.tenantId,
    id,
    { issueDate, dueDate: addDays(issueDate, tenant?.paymentTermsDays ?? 30) },
    ctx.now,
  );
  if (!invoice) throw new ConflictError('alreadyConverted');
  return view(ctx, invoice);
}

export async function listDocumentsFor(
  ctx: TenantContext,
  type: DocumentType,
  opts: {
    clientId?: string | undefined;
    status?: InvoiceViewStatus | EstimateViewStatus | undefined;
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const page = await listDocuments(ctx.db, ctx.tenantId, { ...opts, type, today: today(ctx.now) });
  return { data: page.data.map((r) => toDocumentView(r, ctx.now)), nextCursor: page.nextCursor };
}
