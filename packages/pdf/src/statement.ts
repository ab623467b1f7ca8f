import { rgb } from '@cantoo/pdf-lib';
import { formatDate, formatMoney, localeOf, type StatementStatus } from '@clientele/core';
import { openDocument } from './canvas';
import { type DocumentLanguage, LABELS } from './labels';
import {
  drawHeader,
  drawParty,
  numberPages,
  type PdfImage,
  type PdfParty,
  type RenderOptions,
} from './render';
import { BODY, HEADER_FILL, LINE, MARGIN, MUTED, RULE, SMALL } from './style';

export interface StatementInvoice {
  number: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  total: number;
  amountPaid: number;
  amountDue: number;
  status: StatementStatus;
  overdue: boolean;
}

export interface PdfStatementInput {
  language: DocumentLanguage;
  asOf: string;
  seller: PdfParty;
  client: PdfParty;
  /** Per currency: amounts in different currencies are never added together. */
  currencies: {
    currency: string;
    totalInvoiced: number;
    totalPaid: number;
    outstanding: number;
    overdue: number;
    /** The client's credit in this currency (printed when there is some). */
    credit?: number | undefined;
  }[];
  invoices: StatementInvoice[];
  portalUrl: string | null;
  logo?: PdfImage | null | undefined;
}

/** A client's statement: per-currency summary, then every issued invoice with its balance. */
export async function renderStatementPdf(
  doc: PdfStatementInput,
  options: RenderOptions,
): Promise<Uint8Array> {
  const lang = doc.language;
  const L = LABELS[lang];
  const locale = localeOf(lang);
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  const { c } = await openDocument(options, lang, `${L.statement} — ${doc.client.name}`, [
    JSON.stringify(doc),
    ...doc.currencies.map((x) => money(x.outstanding, x.currency)),
  ]);
  const right = c.width - MARGIN;
  const contentWidth = right - MARGIN;
  await drawHeader(
    c,
    doc.seller,
    L.statement,
    [[L.statementDate, formatDate(doc.asOf, lang)]],
    lang,
    doc.logo,
  );
  drawParty(c, L.billTo, doc.client, lang);

  const headerRow = (cells: [string, number, 'left' | 'right'][]) => {
    c.fillRect(MARGIN, c.y - 5, contentWidth, 18, HEADER_FILL);
    for (const [text, x, align] of cells)
      c.text(text, x, c.y, { size: SMALL, bold: true, color: MUTED, align });
    c.y -= 20;
  };

  // Summary per currency.
  const sumCols: [string, number, 'left' | 'right'][] = [
    [L.currency, MARGIN + 4, 'left'],
    [L.totalInvoiced, right - 300, 'right'],
    [L.amountPaid, right - 200, 'right'],
    [L.outstanding, right - 100, 'right'],
    [L.overdue, right - 4, 'right'],
  ];
  headerRow(sumCols);
  for (const x of doc.currencies) {
    c.text(x.currency, MARGIN + 4, c.y, { bold: true });
    c.text(money(x.totalInvoiced, x.currency), right - 300, c.y, { align: 'right' });
    c.text(money(x.totalPaid, x.currency), right - 200, c.y, { align: 'right' });
    c.text(money(x.outstanding, x.currency), right - 100, c.y, { align: 'right', bold: true });
    c.text(money(x.overdue, x.currency), right - 4, c.y, {
      align: 'right',
      color: x.overdue ? rgb(0.79, 0.16, 0.16) : MUTED,
    });
    c.y -= LINE + 4;
    if (x.credit) {
      c.text(`${L.creditBalance}: ${money(x.credit, x.currency)}`, right - 4, c.y, {
        align: 'right',
        size: SMALL,
        color: MUTED,
      });
      c.y -= LINE;
    }
  }
  c.y -= 16;

  // Every issued invoice, paginating with the header repeated.
  const cols: [string, number, 'left' | 'right'][] = [
    [L.number, MARGIN + 4, 'left'],
    [L.issueDate, MARGIN + 120, 'left'],
    [L.dueDate, MARGIN + 200, 'left'],
    [L.total, right - 200, 'right'],
    [L.amountPaid, right - 100, 'right'],
    [L.amountDue, right - 4, 'right'],
  ];
  headerRow(cols);
  if (doc.invoices.length === 0) {
    c.text(L.noInvoices, MARGIN + 4, c.y, { color: MUTED });
    c.y -= LINE;
  }
  for (const inv of doc.invoices) {
    if (!c.fits(LINE * 2 + 6)) {
      c.newPage();
      c.text(`${L.statement} — ${doc.client.name}`, MARGIN, c.y, {
        size: SMALL + 1,
        bold: true,
        color: MUTED,
      });
      c.y -= 24;
      headerRow(cols);
    }
    c.text(inv.number, MARGIN + 4, c.y);
    c.text(formatDate(inv.issueDate, lang), MARGIN + 120, c.y);
    c.text(inv.dueDate ? formatDate(inv.dueDate, lang) : '—', MARGIN + 200, c.y);
    c.text(money(inv.total, inv.currency), right - 200, c.y, { align: 'right' });
    c.text(money(inv.amountPaid, inv.currency), right - 100, c.y, { align: 'right' });
    c.text(money(inv.amountDue, inv.currency), right - 4, c.y, { align: 'right', bold: inv.amountDue > 0 });
    const status = inv.overdue ? L.statusName.overdue : L.statusName[inv.status];
    c.text(status, MARGIN + 4, c.y - LINE + 2, {
      size: SMALL,
      color: inv.overdue ? rgb(0.79, 0.16, 0.16) : MUTED,
    });
    c.y -= LINE * 2 + 2;
    c.rule(MARGIN, right, c.y + 9, 0.5, RULE);
  }

  if (doc.portalUrl) {
    if (!c.fits(40)) c.newPage();
    c.y -= 12;
    c.text(L.viewAndPay, MARGIN, c.y, { size: SMALL, bold: true, color: MUTED });
    c.y -= 12;
    c.text(doc.portalUrl, MARGIN, c.y, { size: BODY - 1, color: MUTED });
  }
  numberPages(c, lang);
  c.finish();
  return c.save();
}
