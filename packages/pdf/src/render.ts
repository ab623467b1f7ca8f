import {
  beginText,
  degrees,
  endText,
  fill,
  lineTo,
  moveText,
  moveTo,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFDocument as PDFDocumentClass,
  type PDFFont,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  rectangle,
  rgb,
  setFillingColor,
  setFontAndSize,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  stroke,
  TextRenderingMode,
} from '@cantoo/pdf-lib';
import {
  countryName,
  formatDate,
  formatMoney,
  formatPercent,
  formatQuantity,
  localeOf,
} from '@clientele/core';
import { advanceOf, cachingFontkit, coverage, type FontSource, glyphEncoder } from './fonts';
import type { PdfImage } from './image';
import { type DocumentLanguage, LABELS } from './labels';
import { type FaceChoice, runsWidth, splitRuns, wrap } from './text';

/** Bump when the layout changes: cached PDFs are keyed by it. */
export const RENDERER_VERSION = 2;

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

export type Stamp = 'PAID' | 'VOID' | 'OVERDUE' | 'DRAFT';

/** The business logo, printed above the seller block. */
export type { PdfImage };

export interface PdfDocumentInput {
  kind: 'invoice' | 'estimate';
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
  portalUrl: string | null;
  stamp: Stamp | null;
  logo?: PdfImage | null | undefined;
}

export interface RenderOptions {
  fonts: FontSource;
  paper?: 'A4' | 'Letter';
}

const PAPER = { A4: [595.28, 841.89], Letter: [612, 792] } as const;
export const MARGIN = 48;
export const BODY = 9.5;
export const SMALL = 8;
export const LINE = 13;
export const INK = rgb(0.11, 0.12, 0.14);
export const MUTED = rgb(0.38, 0.42, 0.48);
export const RULE = rgb(0.85, 0.87, 0.9);
export const HEADER_FILL = rgb(0.95, 0.96, 0.97);
const STAMP_COLOR: Record<Stamp, ReturnType<typeof rgb>> = {
  PAID: rgb(0.17, 0.54, 0.24),
  VOID: rgb(0.6, 0.6, 0.6),
  OVERDUE: rgb(0.79, 0.16, 0.16),
  DRAFT: rgb(0.45, 0.5, 0.6),
};

interface Faces {
  regular: FaceChoice[];
  bold: FaceChoice[];
  /** Bold drawn by stroking regular outlines (no bold font supplied). */
  fakeBold: boolean;
}

function allLabelText(lang: DocumentLanguage): string {
  const l = LABELS[lang];
  return [
    ...Object.values(l).filter((v): v is string => typeof v === 'string'),
    ...Object.values(l.stamp),
    l.page(1, 2),
    l.taxAt('1', true),
  ].join(' ');
}

/** Embeds the fonts the text needs: each fallback only while some character still lacks a glyph. */
async function embedFaces(pdf: PDFDocument, fonts: FontSource, text: string): Promise<Faces> {
  const regularCover = coverage(fonts.regular);
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const r: FaceChoice = {
    pdf: regular,
    has: (cp) => regularCover.hasGlyphForCodePoint(cp),
    advance: (cp) => advanceOf(regularCover, cp),
    encode: glyphEncoder(regular),
  };
  let b: FaceChoice = r;
  if (fonts.bold) {
    const boldCover = coverage(fonts.bold);
    const bold = await pdf.embedFont(fonts.bold, { subset: true });
    b = {
      pdf: bold,
      has: (cp) => boldCover.hasGlyphForCodePoint(cp),
      advance: (cp) => advanceOf(boldCover, cp),
      encode: glyphEncoder(bold),
    };
  }
  const faces: Faces = { regular: [r], bold: [b], fakeBold: !fonts.bold };
  let missing = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7e && !regularCover.hasGlyphForCodePoint(cp)) missing.add(cp);
  }
  for (const load of fonts.fallbacks) {
    if (missing.size === 0) break;
    const bytes = await load();
    if (!bytes) continue;
    const cover = coverage(bytes);
    if (![...missing].some((cp) => cover.hasGlyphForCodePoint(cp))) continue;
    const font = await pdf.embedFont(bytes, { subset: true });
    const face: FaceChoice = {
      pdf: font,
      has: (cp) => cover.hasGlyphForCodePoint(cp),
      advance: (cp) => advanceOf(cover, cp),
      encode: glyphEncoder(font),
    };
    faces.regular.push(face);
    faces.bold.push(face);
    missing = new Set([...missing].filter((cp) => !cover.hasGlyphForCodePoint(cp)));
  }
  return faces;
}

/** What a page's content stream has set so far, to write only changes. */
interface TextState {
  ops: PDFOperator[];
  /** Fills and rules, written before the text (pdf-lib's draw* would add ~10 operators each). */
  graphics: PDFOperator[];
  /** Start of the current line inside the page's text object. */
  x: number;
  y: number;
  fonts: Set<PDFFont>;
  font?: PDFName;
  size?: number;
  fill?: string;
  stroke?: string;
  mode: 0 | 2;
  lineWidth?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export class Canvas {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  constructor(
    readonly pdf: PDFDocument,
    readonly size: readonly [number, number],
    readonly faces: Faces,
  ) {}

  get width() {
    return this.size[0];
  }

  newPage() {
    this.page = this.pdf.addPage([this.size[0], this.size[1]]);
    this.pages.push(this.page);
    this.y = this.size[1] - MARGIN;
  }

  /** Leaves room for the page footer. */
  fits(height: number) {
    return this.y - height >= MARGIN + 24;
  }

  measure(text: string, size = BODY, bold = false) {
    return runsWidth(splitRuns(text, bold ? this.faces.bold : this.faces.regular), size);
  }

  text(
    text: string,
    x: number,
    y: number,
    opts: {
      size?: number;
      bold?: boolean;
      color?: ReturnType<typeof rgb>;
      align?: 'left' | 'right' | 'center';
      page?: PDFPage;
    } = {},
  ) {
    const size = opts.size ?? BODY;
    const runs = splitRuns(text, opts.bold ? this.faces.bold : this.faces.regular);
    const w = runsWidth(runs, size);
    let cx = opts.align === 'right' ? x - w : opts.align === 'center' ? x - w / 2 : x;
    const page = opts.page ?? this.page;
    const color = opts.color ?? INK;
    const st = this.textState(page);
    // All of a page's text goes into one text object (written by `finish`), and only
    // changes of state are written: most calls come down to "dx dy Td <glyphs> Tj",
    // which also compresses far better than absolute positions.
    const ops = st.ops;
    const fill = `${color.red} ${color.green} ${color.blue}`;
    if (st.fill !== fill) {
      ops.push(setFillingColor(color));
      st.fill = fill;
    }
    const mode = opts.bold && this.faces.fakeBold ? 2 : 0;
    if (st.mode !== mode) {
      ops.push(setTextRenderingMode(mode ? TextRenderingMode.FillAndOutline : TextRenderingMode.Fill));
      st.mode = mode;
    }
    if (mode) {
      // Fake bold: the outline stroked in the text colour, thicker for larger text.
      const width = round2(size * 0.045);
      if (st.lineWidth !== width) {
        ops.push(setLineWidth(width));
        st.lineWidth = width;
      }
      if (st.stroke !== fill) {
        ops.push(setStrokingColor(color));
        st.stroke = fill;
      }
    }
    for (const r of runs) {
      const key = this.fontKey(page, r.font);
      if (st.font !== key || st.size !== size) {
        ops.push(setFontAndSize(key, size));
        st.font = key;
        st.size = size;
      }
      // Td moves from the start of the previous run; positions are kept to 0.01 pt.
      const px = round2(cx);
      const py = round2(y);
      ops.push(moveText(round2(px - st.x), round2(py - st.y)));
      st.x = px;
      st.y = py;
      // showText() is typed for hex strings only; the operator takes any string.
      ops.push(PDFOperator.of(PDFOperatorNames.ShowText, [r.face.encode(r.text)]));
      cx += runsWidth([r], size);
    }
  }

  /** A filled rectangle (table header backgrounds), under the page's text. */
  fillRect(x: number, y: number, width: number, height: number, color: RGB) {
    const g = this.textState(this.page).graphics;
    g.push(setFillingColor(color), rectangle(round2(x), round2(y), round2(width), round2(height)), fill());
  }

  /** A horizontal rule (between table rows), under the page's text. */
  rule(x1: number, x2: number, y: number, thickness: number, color: RGB) {
    const g = this.textState(this.page).graphics;
    g.push(setStrokingColor(color), setLineWidth(thickness));
    g.push(moveTo(round2(x1), round2(y)), lineTo(round2(x2), round2(y)), stroke());
  }

  /**
   * Writes each page's content: rules and fills (in their own graphics state), then one
   * text object. Call once, after the last text; drawings made later go on top.
   */
  finish() {
    for (const [page, st] of this.textStates) {
      const ops = st.graphics.length ? [pushGraphicsState(), ...st.graphics, popGraphicsState()] : [];
      if (st.ops.length) ops.push(beginText(), ...st.ops, endText());
      if (ops.length) page.pushOperators(...ops);
      st.ops = [];
      st.graphics = [];
    }
  }

  /** The finished file: compressed object streams, minus what pdf-lib adds for nothing. */
  save(): Promise<Uint8Array> {
    // pdf-lib starts every page with empty resource dictionaries and annotation array;
    // they would be written out on every page for nothing.
    for (const page of this.pages) {
      const resources = page.node.Resources();
      for (const name of ['XObject', 'ExtGState']) {
        const dict = resources?.get(PDFName.of(name));
        if (dict instanceof PDFDict && dict.keys().length === 0) resources?.delete(PDFName.of(name));
      }
      const annots = page.node.get(PDFName.of('Annots'));
      if (annots instanceof PDFArray && annots.size() === 0) page.node.delete(PDFName.of('Annots'));
    }
    return this.pdf.save({ useObjectStreams: true });
  }

  private readonly textStates = new Map<PDFPage, TextState>();

  private textState(page: PDFPage): TextState {
    let st = this.textStates.get(page);
    if (!st) {
      st = { mode: 0, x: 0, y: 0, ops: [], graphics: [], fonts: new Set() };
      this.textStates.set(page, st);
    }
    return st;
  }

  private readonly fontNames = new Map<PDFFont, PDFName>();

  /** Short resource names (/F0, /F1 …), registered once per page. */
  private fontKey(page: PDFPage, font: PDFFont): PDFName {
    let name = this.fontNames.get(font);
    if (!name) {
      name = PDFName.of(`F${this.fontNames.size}`);
      this.fontNames.set(font, name);
    }
    const st = this.textState(page);
    if (!st.fonts.has(font)) {
      page.node.setFontDictionary(name, font.ref);
      st.fonts.add(font);
    }
    return name;
  }

  wrap(text: string, width: number, size = BODY, bold = false) {
    return wrap(text, width, size, bold ? this.faces.bold : this.faces.regular);
  }
}

function addressLines(p: PdfParty, lang: DocumentLanguage): string[] {
  const a = p.address;
  const cityLine =
    lang === 'ja'
      ? [a.postalCode ? `〒${a.postalCode}` : null, a.state, a.city].filter(Boolean).join(' ')
      : [a.postalCode, a.city, a.state].filter(Boolean).join(' ');
  return [a.street, cityLine, countryName(a.country, lang)].filter((s): s is string => Boolean(s?.trim()));
}

/** A new PDF with metadata and the fonts its text needs, on its first page. */
export async function openDocument(
  options: RenderOptions,
  lang: DocumentLanguage,
  title: string,
  texts: string[],
) {
  const pdf = await PDFDocumentClass.create({ updateMetadata: false });
  pdf.registerFontkit(cachingFontkit as never);
  pdf.setTitle(title);
  pdf.setProducer('Clientele');
  pdf.setLanguage(localeOf(lang));
  const faces = await embedFaces(pdf, options.fonts, `${texts.join(' ')} ${allLabelText(lang)}`);
  const c = new Canvas(pdf, PAPER[options.paper ?? 'A4'], faces);
  c.newPage();
  return { pdf, c, faces };
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
    ...addressLines(seller, lang),
    seller.email,
    seller.phone,
    seller.taxId ? `${L.taxId}: ${seller.taxId}` : null,
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
    ...addressLines(party, lang),
    party.email,
    party.taxId ? `${L.taxId}: ${party.taxId}` : null,
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

  const title = doc.kind === 'invoice' ? L.invoice : L.estimate;
  const meta: [string, string][] = [];
  if (doc.number) meta.push([L.number, doc.number]);
  meta.push([L.issueDate, formatDate(doc.issueDate, lang)]);
  if (doc.kind === 'invoice' && doc.dueDate) meta.push([L.dueDate, formatDate(doc.dueDate, lang)]);
  if (doc.kind === 'estimate' && doc.validUntil) meta.push([L.validUntil, formatDate(doc.validUntil, lang)]);
  const { pdf, c, faces } = await openDocument(options, lang, `${title} ${doc.number ?? ''}`.trim(), [
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
    c.text(L.tax, col.tax, c.y, { size: SMALL, bold: true, color: MUTED, align: 'right' });
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
  rows.push({ label: L.total, value: money(doc.total), strong: true });
  if (doc.kind === 'invoice') {
    rows.push({ label: L.amountPaid, value: money(doc.amountPaid) });
    rows.push({ label: L.balanceDue, value: money(doc.amountDue), strong: true });
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
  if (doc.notes) trailing.push({ label: L.notes, text: doc.notes });
  if (doc.footer) trailing.push({ text: doc.footer });
  if (doc.portalUrl) trailing.push({ label: L.viewAndPay, text: doc.portalUrl });
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
