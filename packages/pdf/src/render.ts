import {
  degrees,
  popGraphicsState,
  pushGraphicsState,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  TextRenderingMode,
} from '@cantoo/pdf-lib';
import {
  addressLines,
  formatDate,
  formatMoney,
  formatPercent,
  formatQuantity,
  localeOf,
  taxIdLabel,
} from '@clientele/core';
import { type Canvas, openDocument } from './canvas';
import type { FontSource } from './fonts';
import type { PdfImage } from './image';
import { type DocumentLanguage, LABELS } from './labels';
import { BODY, HEADER_FILL, INK, LINE, MARGIN, MUTED, RULE, SMALL, STAMP_COLOR, type Stamp } from './style';
import { splitRuns } from './text';

/** Bump when the layout changes: cached PDFs are keyed by it. */
export const RENDERER_VERSION = 4;

export interface PdfAddress {
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface PdfParty {
  name: string;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  address: PdfAddress;
  taxId: string | null;
}

export interface PdfLine {
  description: string;
  quantity: number;
  unitPrice: number;
  taxRate: number | null;
  amount: number;
}

export type { Stamp } from './style';

/** The business logo, printed above the seller block. */
export type { PdfImage };

export interface PdfDocumentInput {
  kind: 'invoice' | 'estimate' | 'credit_note';
  /** On a credit note: the invoice it corrects (printed with its date) and why. */
  credits?: { invoiceNumber: string; invoiceDate: string; reason: string } | undefined;
  language: DocumentLanguage;
  currency: string;
  number: string | null;
  issueDate: string;
  dueDate: string | null;
  validUntil: string | null;
  seller: PdfParty;
  billTo: PdfParty;
  lines: PdfLine[];
  subtotal: number;
  discountTotal: number;
  taxes: { rate: number; inclusive: boolean; amount: number }[];
  total: number;
  amountPaid: number;
  amountDue: number;
  notes: string | null;
  footer: string | null;
  /** Printed on invoices under their own heading (the business's bank details and terms). */
  paymentInstructions?: string | null | undefined;
  portalUrl: string | null;
  stamp: Stamp | null;
  logo?: PdfImage | null | undefined;
}

export interface RenderOptions {
  fonts: FontSource;
  paper?: 'A4' | 'Letter';
}

/** Seller block on the left; title and key/value facts (number, dates) on the right. */
/**
 * A logo that cannot be embedded (uploaded before logos were checked, or damaged in
 * storage) is left out, and said so in the log: the document itself must still render.
 */
async function embedLogo(c: Canvas, logo: PdfImage) {
  try {
    return logo.type === 'png' ? await c.pdf.embedPng(logo.bytes) : await c.pdf.embedJpg(logo.bytes);
  } catch (err) {
    console.warn(JSON.stringify({ level: 'warn', message: 'logo left out of a PDF', error: String(err) }));
    return null;
  }
}

export async function drawHeader(
  c: Canvas,
  seller: PdfParty,
  title: string,
  meta: [string, string][],
  lang: DocumentLanguage,
  logo?: PdfImage | null,
) {
  const L = LABELS[lang];
  const right = c.width - MARGIN;
  const contentWidth = right - MARGIN;
  let leftY = c.y - 6;
  const image = logo ? await embedLogo(c, logo) : null;
  if (image) {
    const scale = Math.min(44 / image.height, 160 / image.width, 1);
    const h = image.height * scale;
    c.page.drawImage(image, { x: MARGIN, y: c.y - h + 8, width: image.width * scale, height: h });
    leftY -= h + 4;
  }
  for (const line of c.wrap(seller.name, contentWidth * 0.55, 14, true)) {
    c.text(line, MARGIN, leftY, { size: 14, bold: true });
    leftY -= 17;
  }
  for (const line of [
    ...addressLines(seller.address, lang),
    seller.email,
    seller.phone,
    seller.taxId ? `${taxIdLabel(L, seller.address.country, seller.taxId)}: ${seller.taxId}` : null,
  ]) {
    if (!line) continue;
    c.text(line, MARGIN, leftY, { size: SMALL + 0.5, color: MUTED });
    leftY -= 11.5;
  }
  let rightY = c.y - 10;
  c.text(title, right, rightY, { size: 22, bold: true, align: 'right' });
  rightY -= 22;
  for (const [k, v] of meta) {
    c.text(v, right, rightY, { align: 'right' });
    c.text(k, right - 110, rightY, { align: 'right', color: MUTED, size: SMALL + 0.5 });
    rightY -= LINE;
  }
  c.y = Math.min(leftY, rightY) - 16;
}

/** The customer block ("Bill to"): name, company, full address, email and tax ID. */
export function drawParty(c: Canvas, heading: string, party: PdfParty, lang: DocumentLanguage) {
  const L = LABELS[lang];
  const contentWidth = c.width - 2 * MARGIN;
  c.text(heading.toUpperCase(), MARGIN, c.y, { size: SMALL, bold: true, color: MUTED });
  c.y -= LINE;
  for (const line of c.wrap(party.name, contentWidth * 0.6, 11, true)) {
    c.text(line, MARGIN, c.y, { size: 11, bold: true });
    c.y -= 14;
  }
  for (const line of [
    party.company,
    ...addressLines(party.address, lang),
    party.email,
    party.taxId ? `${taxIdLabel(L, party.address.country, party.taxId)}: ${party.taxId}` : null,
  ]) {
    if (!line) continue;
    for (const w of c.wrap(line, contentWidth * 0.6)) {
      c.text(w, MARGIN, c.y);
      c.y -= LINE - 1;
    }
  }
  c.y -= 14;
}

/** "Page n of m" on every page, once the page count is known. */
export function numberPages(c: Canvas, lang: DocumentLanguage) {
  const total = c.pages.length;
  c.pages.forEach((page, i) => {
    c.text(LABELS[lang].page(i + 1, total), c.width / 2, MARGIN - 18, {
      size: SMALL,
      color: MUTED,
      align: 'center',
      page,
    });
  });
}

/**
 * Renders an invoice or estimate to PDF bytes: seller and "Bill to" blocks from the
 * frozen snapshot, a line table that paginates with its header repeated, tax
 * breakdown, totals, balance, notes, the portal link and "page n of m".
 */
export async function renderDocumentPdf(doc: PdfDocumentInput, options: RenderOptions): Promise<Uint8Array> {
  const lang = doc.language;
  const L = LABELS[lang];
  const locale = localeOf(lang);
  const money = (amount: number) => formatMoney(amount, doc.currency, locale);

  const title = { invoice: L.invoice, estimate: L.estimate, credit_note: L.creditNoteTitle }[doc.kind];
  const meta: [string, string][] = [];
  if (doc.number) meta.push([L.number, doc.number]);
  meta.push([L.issueDate, formatDate(doc.issueDate, lang)]);
  if (doc.credits) {
    meta.push([L.creditedInvoice, doc.credits.invoiceNumber]);
    meta.push([L.invoiceDate, formatDate(doc.credits.invoiceDate, lang)]);
  }
  if (doc.kind === 'invoice' && doc.dueDate) meta.push([L.dueDate, formatDate(doc.dueDate, lang)]);
  if (doc.kind === 'estimate' && doc.validUntil) meta.push([L.validUntil, formatDate(doc.validUntil, lang)]);
  const { c, faces } = await openDocument(options, lang, `${title} ${doc.number ?? ''}`.trim(), [
    JSON.stringify(doc),
    money(doc.total),
  ]);
  const right = c.width - MARGIN;
  const contentWidth = right - MARGIN;
  await drawHeader(c, doc.seller, title, meta, lang, doc.logo);
  drawParty(c, L.billTo, doc.billTo, lang);

  // Line table.
  const col = {
    amount: right,
    tax: right - 90,
    unit: right - 140,
    qty: right - 225,
    descWidth: contentWidth - 280,
  };
  const tableHeader = () => {
    c.fillRect(MARGIN, c.y - 5, contentWidth, 18, HEADER_FILL);
    c.text(L.description, MARGIN + 4, c.y, { size: SMALL, bold: true, color: MUTED });
    c.text(L.quantity, col.qty, c.y, { size: SMALL, bold: true, color: MUTED, align: 'right' });
    c.text(L.unitPrice, col.unit, c.y, { size: SMALL, bold: true, color: MUTED, align: 'right' });
    c.text(L.taxColumn, col.tax, c.y, { size: SMALL, bold: true, color: MUTED, align: 'right' });
    c.text(L.amount, col.amount - 4, c.y, { size: SMALL, bold: true, color: MUTED, align: 'right' });
    c.y -= 20;
  };
  const continuationHeader = () => {
    c.newPage();
    c.text(`${title} ${doc.number ?? ''}`.trim(), MARGIN, c.y, { size: SMALL + 1, bold: true, color: MUTED });
    c.text(doc.seller.name, right, c.y, { size: SMALL + 1, color: MUTED, align: 'right' });
    c.y -= 24;
    tableHeader();
  };
  tableHeader();
  for (const line of doc.lines) {
    const desc = c.wrap(line.description, col.descWidth);
    const height = desc.length * LINE + 6;
    if (!c.fits(height)) continuationHeader();
    let ly = c.y;
    for (const d of desc) {
      c.text(d, MARGIN + 4, ly);
      ly -= LINE;
    }
    c.text(formatQuantity(line.quantity, lang), col.qty, c.y, { align: 'right' });
    c.text(money(line.unitPrice), col.unit, c.y, { align: 'right' });
    c.text(line.taxRate ? formatPercent(line.taxRate, lang) : '—', col.tax, c.y, {
      align: 'right',
      color: MUTED,
    });
    c.text(money(line.amount), col.amount - 4, c.y, { align: 'right' });
    c.y -= height;
    c.rule(MARGIN, right, c.y + 8, 0.5, RULE);
  }

  // Totals.
  const rows: { label: string; value: string; strong?: boolean }[] = [
    { label: L.subtotal, value: money(doc.subtotal) },
  ];
  if (doc.discountTotal) rows.push({ label: L.discount, value: `−${money(doc.discountTotal)}` });
  for (const t of doc.taxes)
    rows.push({ label: L.taxAt(formatPercent(t.rate, lang), t.inclusive), value: money(t.amount) });
  rows.push({
    label: doc.kind === 'credit_note' ? L.totalCredited : L.total,
    value: money(doc.total),
    strong: true,
  });
  if (doc.kind === 'invoice') {
    rows.push({ label: L.amountPaid, value: money(doc.amountPaid) });
    rows.push({ label: L.amountDue, value: money(doc.amountDue), strong: true });
  }
  const totalsHeight = rows.length * (LINE + 2) + 10;
  if (!c.fits(totalsHeight)) continuationHeader();
  c.y -= 6;
  for (const r of rows) {
    const size = r.strong ? BODY + 1 : BODY;
    c.text(r.label, col.unit, c.y, { align: 'right', bold: r.strong, size, color: r.strong ? INK : MUTED });
    c.text(r.value, col.amount - 4, c.y, { align: 'right', bold: r.strong, size });
    c.y -= LINE + 2;
  }

  // Notes, footer and the portal link.
  const trailing: { text: string; label?: string }[] = [];
  if (doc.credits) trailing.push({ label: L.creditReason, text: doc.credits.reason });
  if (doc.notes) trailing.push({ label: L.notes, text: doc.notes });
  if (doc.paymentInstructions) trailing.push({ label: L.paymentInstructions, text: doc.paymentInstructions });
  if (doc.footer) trailing.push({ text: doc.footer });
  // "Pay" only where there is something to pay: estimates, void and settled invoices are to view.
  const payable = doc.kind === 'invoice' && doc.amountDue > 0 && doc.stamp !== 'VOID';
  if (doc.portalUrl) trailing.push({ label: payable ? L.viewAndPay : L.viewOnline, text: doc.portalUrl });
  for (const block of trailing) {
    const lines = c.wrap(block.text, contentWidth, SMALL + 0.5);
    const height = lines.length * 11 + (block.label ? 12 : 0) + 10;
    if (!c.fits(height)) c.newPage();
    c.y -= 10;
    if (block.label) {
      c.text(block.label, MARGIN, c.y, { size: SMALL, bold: true, color: MUTED });
      c.y -= 12;
    }
    for (const l of lines) {
      c.text(l, MARGIN, c.y, { size: SMALL + 0.5, color: MUTED });
      c.y -= 11;
    }
  }

  // "Page n of m" once the page count is known.
  const total = c.pages.length;
  c.pages.forEach((page, i) => {
    c.text(L.page(i + 1, total), c.width / 2, MARGIN - 18, {
      size: SMALL,
      color: MUTED,
      align: 'center',
      page,
    });
  });

  c.finish();

  // Status stamp on the first page, rotated like a rubber stamp.
  if (doc.stamp) {
    const label = L.stamp[doc.stamp];
    const first = c.pages[0]!;
    const size = 26;
    const w = c.measure(label, size, true);
    const x = right - w - 30;
    const y = c.size[1] - 190;
    const color = STAMP_COLOR[doc.stamp];
    first.drawRectangle({
      x: x - 8,
      y: y - 8,
      width: w + 16,
      height: size + 10,
      borderColor: color,
      borderWidth: 2,
      rotate: degrees(12),
      opacity: 0,
      borderOpacity: 0.8,
    });
    if (faces.fakeBold) {
      first.pushOperators(
        pushGraphicsState(),
        setTextRenderingMode(TextRenderingMode.FillAndOutline),
        setLineWidth(1),
        setStrokingColor(color),
      );
    }
    for (const r of splitRuns(label, faces.bold)) {
      first.drawText(r.text, { x, y, size, font: r.font, color, rotate: degrees(12), opacity: 0.85 });
    }
    if (faces.fakeBold) first.pushOperators(popGraphicsState());
  }

  return c.save();
}
