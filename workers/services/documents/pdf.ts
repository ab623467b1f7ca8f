import { isLanguage } from '@clientele/core';
import { type DocumentRow, type DocumentType, getClient, getDocument, getTenant } from '@clientele/db';
import { type PdfDocumentInput, RENDERER_VERSION, renderDocumentPdf, type Stamp } from '@clientele/pdf';
import { sha256Hex } from '../auth/encoding';
import type { AppContext, TenantContext } from '../context';
import { NotFoundError } from '../errors';
import { logoForPdf } from '../settings/logo';
import { billToOf } from './documents';
import { workerFonts } from './fonts';
import { sellerOf } from './parties';
import type { DocumentView } from './schema';
import { documentView } from './view';

export interface RenderedPdf {
  body: ReadableStream | Uint8Array;
  filename: string;
  cached: boolean;
  key: string;
}

function stampOf(view: DocumentView): Stamp | null {
  if (view.status === 'draft') return 'DRAFT';
  if (view.status === 'void') return 'VOID';
  if (view.status === 'paid') return 'PAID';
  if (view.overdue) return 'OVERDUE';
  return null;
}

/** Issued documents print their frozen snapshot; drafts print today's data, stamped DRAFT. */
async function pdfInput(
  ctx: TenantContext,
  row: DocumentRow,
  portalUrl: string | null,
): Promise<PdfDocumentInput & { logoKey: string | null }> {
  const view = documentView(row, ctx.now);
  const snap = row.snapshot;
  let seller: PdfDocumentInput['seller'];
  let billTo: PdfDocumentInput['billTo'];
  // The logo key (content-addressed) stands in for the image in the cache hash.
  let logoKey: string | null = null;
  let instructions: string | null = null;
  if (snap) {
    seller = snap.seller;
    logoKey = snap.seller.logoKey ?? null;
    instructions = snap.seller.paymentInstructions ?? null;
    billTo = { ...snap.billTo, address: snap.billTo.billingAddress };
  } else {
    const [tenant, client] = await Promise.all([
      getTenant(ctx.db, ctx.tenantId),
      getClient(ctx.db, ctx.tenantId, row.clientId),
    ]);
    if (!tenant || !client) throw new NotFoundError('document');
    logoKey = tenant.logoKey;
    instructions = tenant.paymentInstructions;
    seller = sellerOf(tenant);
    const b = billToOf(client);
    billTo = { ...b, address: b.billingAddress };
  }
  return {
    kind: row.type,
    language: isLanguage(row.language) ? row.language : 'en',
    currency: row.currency,
    number: row.number,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    validUntil: row.validUntil,
    seller,
    billTo,
    lines: view.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRate: l.taxRate || null,
      amount: l.amount,
    })),
    subtotal: view.subtotal,
    discountTotal: view.discountTotal,
    taxes: view.taxes.map((t) => ({ rate: t.rate, inclusive: t.inclusive, amount: t.amount })),
    total: view.total,
    amountPaid: view.amountPaid,
    amountDue: view.amountDue,
    notes: row.notes,
    footer: row.footer,
    // A footer written on the invoice replaces the business's standing instructions.
    paymentInstructions: row.type === 'invoice' && !row.footer ? instructions : null,
    portalUrl,
    stamp: stampOf(view),
    logoKey,
  };
}

/** A filename that survives every browser and OS: the number, with path characters replaced. */
export function pdfFilename(row: Pick<DocumentRow, 'number' | 'id' | 'type'>): string {
  const base = row.number ?? `${row.type}-draft-${row.id.slice(4, 12)}`;
  return `${base.replace(/[/\\:*?"<>|\s]+/g, '-')}.pdf`;
}

/**
 * The document's PDF, from the R2 cache when nothing printed on it changed. The key
 * hashes everything the renderer sees plus its version, so a payment (new balance,
 * new stamp) or a new layout produces a new file instead of a stale one.
 */
export async function documentPdf(ctx: TenantContext, type: DocumentType, id: string): Promise<RenderedPdf> {
  const row = await getDocument(ctx.db, ctx.tenantId, type, id);
  if (!row) throw new NotFoundError(type);
  return pdfOfDocument(ctx, row);
}

/**
 * The portal's address as printed on documents. Never a sign-in link: PDFs are cached
 * and forwarded, so a token in one would outlive its purpose.
 */
export function portalHome(ctx: Pick<AppContext, 'config'>): string {
  return `${ctx.config.publicUrl.replace(/\/+$/, '')}/portal`;
}

export type LogoCache = Map<string | null, Promise<Awaited<ReturnType<typeof logoForPdf>>>>;

/** What a document's PDF is made of, and where its cached copy lives. No I/O for issued documents. */
export interface PdfPlan {
  input: Awaited<ReturnType<typeof pdfInput>>;
  key: string;
  filename: string;
  documentId: string;
}

export async function planPdf(ctx: TenantContext, row: DocumentRow): Promise<PdfPlan> {
  const input = await pdfInput(ctx, row, portalHome(ctx));
  const hash = await sha256Hex(`${RENDERER_VERSION}\n${JSON.stringify(input)}`);
  return {
    input,
    key: `pdf/${ctx.tenantId}/${row.id}/${hash.slice(0, 32)}.pdf`,
    filename: pdfFilename(row),
    documentId: row.id,
  };
}

/** The cached copy, or a fresh render that is cached on the way out. */
export async function pdfFromPlan(
  ctx: TenantContext,
  plan: PdfPlan,
  logos: LogoCache = new Map(),
): Promise<RenderedPdf> {
  const { input, key, filename } = plan;
  const { files } = ctx;
  const hit = await files.get(key);
  if (hit) return { body: hit.body, filename, cached: true, key };
  let logo = logos.get(input.logoKey);
  if (!logo) {
    logo = logoForPdf(ctx, input.logoKey);
    logos.set(input.logoKey, logo);
  }
  const bytes = await renderDocumentPdf({ ...input, logo: await logo }, { fonts: workerFonts(ctx) });
  await files.put(key, bytes, {
    httpMetadata: { contentType: 'application/pdf' },
    customMetadata: {
      tenantId: ctx.tenantId,
      documentId: plan.documentId,
      renderer: String(RENDERER_VERSION),
    },
  });
  return { body: bytes, filename, cached: false, key };
}

/** The PDF of a row the caller has already loaded (and scoped to its tenant or client). */
export async function pdfOfDocument(ctx: TenantContext, row: DocumentRow) {
  return pdfFromPlan(ctx, await planPdf(ctx, row));
}
