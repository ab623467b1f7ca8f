import { isPayable, PORTAL_STATUS_ORDER } from '@clientele/core';
import type { Hono } from 'hono';
import { documentView, today } from '../../../services/documents/view';
import { creditNotesOfClient } from '../../../services/portal/credit-notes';
import { clientDocumentPdf, invoicePage, openClientDocument } from '../../../services/portal/documents';
import { publishableKey } from '../../../services/stripe/account';
import { invoiceCheckouts, lastAttempt, onlineAmount, settling } from '../../../services/stripe/checkout';
import { pdfResponse } from '../../pdf-response';
import { notFound, type PortalEnv, requirePortal, signedInPage } from '../context';
import { pageNumber } from '../page-number';
import { CreditNoteList } from './credit-notes';
import { formatters } from './format';
import { InvoiceCells } from './invoice-row';
import { DocumentPreview } from './preview';

const PAGE_SIZE = 25;

/** Select-all for the download form; the page works without it, one box at a time. */
const SELECT_ALL = `
const toggles = [...document.querySelectorAll('.select-all')];
const boxes = () => [...document.querySelectorAll('input[name="ids"]')];
for (const t of toggles) {
  t.hidden = false;
  t.querySelector('input').addEventListener('change', (e) => boxes().forEach((b) => { b.checked = e.target.checked; }));
}
document.addEventListener('change', () => {
  const list = boxes();
  for (const t of toggles) {
    const input = t.querySelector('input');
    input.checked = list.every((b) => b.checked);
    input.indeterminate = !input.checked && list.some((b) => b.checked);
  }
});`;

/** `/portal/invoices`: the list with bulk download, one invoice's preview, and its PDF. */
export function invoicePages(portal: Hono<PortalEnv>) {
  portal.get('/invoices', requirePortal, async (c) => {
    const { lang, m, portal: p } = c.var;
    const sort = c.req.query('sort') === 'status' ? 'status' : 'date';
    const order = c.req.query('order') === 'asc' ? 'asc' : 'desc';
    const statusParam = c.req.query('status');
    const status = PORTAL_STATUS_ORDER.find((s) => s === statusParam);
    const page = pageNumber(c.req.query('page'));
    const day = today(p.ctx.now);
    const [result, creditNotes] = await Promise.all([
      invoicePage(p, { sort, order, status, page, pageSize: PAGE_SIZE }),
      creditNotesOfClient(p),
    ]);
    const link = (q: Record<string, string | number | undefined>) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries({ sort, order, status, page: 1, ...q }))
        if (v !== undefined) params.set(k, String(v));
      return `/portal/invoices?${params}`;
    };
    const flip = (key: 'date' | 'status') =>
      link({ sort: key, order: sort === key && order === 'desc' ? 'asc' : 'desc' });
    const arrow = (key: 'date' | 'status') => (sort === key ? (order === 'asc' ? ' ↑' : ' ↓') : '');
    const ariaSort = (key: 'date' | 'status') =>
      sort === key ? (order === 'asc' ? 'ascending' : 'descending') : undefined;
    return signedInPage(
      c,
      { title: m.invoices, section: 'invoices', script: result.rows.length ? SELECT_ALL : undefined },
      <>
        <h1>{m.invoices}</h1>
        <p>
          <a href={link({ status: undefined })} aria-current={status ? undefined : 'true'}>
            {m.allStatuses}
          </a>
          {(['sent', 'partial', 'paid', 'overdue'] as const).map((s) => (
            <>
              {' · '}
              <a href={link({ status: s })} aria-current={status === s ? 'true' : undefined}>
                {m.statusName[s]}
              </a>
            </>
          ))}
        </p>
        <form method="post" action="/portal/downloads" class="card">
          {/* Phones hide the table header, so sorting and select-all move up here. */}
          <div class="toolbar phone-only">
            <label class="select-all" hidden>
              <input type="checkbox" /> {m.selectAll}
            </label>
            <span>
              <a href={flip('date')}>
                {m.issued}
                {arrow('date')}
              </a>
              {' · '}
              <a href={flip('status')}>
                {m.status}
                {arrow('status')}
              </a>
            </span>
          </div>
          <table class="responsive">
            <thead>
              <tr>
                <th class="check">
                  <label class="select-all" hidden>
                    <input type="checkbox" aria-label={m.selectAll} />
                  </label>
                </th>
                <th>{m.number}</th>
                <th aria-sort={ariaSort('date')}>
                  <a href={flip('date')}>
                    {m.issued}
                    {arrow('date')}
                  </a>
                </th>
                <th aria-sort={ariaSort('status')}>
                  <a href={flip('status')}>
                    {m.status}
                    {arrow('status')}
                  </a>
                </th>
                <th class="num">{m.total}</th>
                <th class="num">{m.amountDue}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr data-invoice={r.number ?? ''}>
                  <td class="check">
                    <input type="checkbox" name="ids" value={r.id} aria-label={m.select(r.number ?? '')} />
                  </td>
                  <InvoiceCells row={r} day={day} lang={lang} m={m} total />
                </tr>
              ))}
            </tbody>
          </table>
          {result.rows.length === 0 ? (
            <p class="muted">{m.nothingYet}</p>
          ) : (
            <p class="actions">
              <button type="submit">{m.downloadSelected}</button>
            </p>
          )}
        </form>
        <p class="actions">
          {page > 1 ? <a href={link({ page: page - 1 })}>← {m.previous}</a> : null}
          {result.hasMore ? <a href={link({ page: page + 1 })}>{m.next} →</a> : null}
        </p>
        <CreditNoteList rows={creditNotes} lang={lang} m={m} />
      </>,
    );
  });

  portal.get('/invoices/:id', requirePortal, async (c) => {
    const { lang, m, portal: p } = c.var;
    const row = await openClientDocument(p, 'invoice', c.req.param('id'));
    if (!row) return notFound(c);
    const view = documentView(row, p.ctx.now);
    const payable = view.amountDue > 0 && isPayable(row.status);
    // "Pay now" only where the business takes card payments and no payment is on its way.
    const [key, checkouts] = payable
      ? await Promise.all([publishableKey(p.ctx), invoiceCheckouts(p, row.id)])
      : [undefined, []];
    const canPay = Boolean(key);
    const processing = settling(checkouts);
    const previous = lastAttempt(checkouts);
    const online = onlineAmount(view.amountDue, row.currency);
    const { money } = formatters(lang);
    // Stripe would refuse this amount: say why instead of offering a button that cannot work.
    const limitNote =
      online.ok || !('limit' in online)
        ? null
        : online.limit.kind === 'below'
          ? m.payOnlineBelow(money(online.limit.limit, row.currency))
          : m.payOnlineAbove(money(online.limit.limit, row.currency));
    const title = `${m.invoice} ${view.number ?? ''}`;
    return signedInPage(
      c,
      { title: title, section: 'invoices' },
      <>
        <p>
          <a href="/portal/invoices">← {m.back}</a>
        </p>
        <h1>{title}</h1>
        <p class={view.overdue ? 'danger' : 'muted'}>
          {view.overdue ? m.statusName.overdue : m.statusName[row.status as 'sent']}
        </p>
        {view.dispute ? (
          <p class="danger" data-dispute={view.dispute.status}>
            {m.disputedNote(formatters(lang).money(view.dispute.amount, view.currency))}
          </p>
        ) : null}
        <div class="actions">
          <a class="button secondary" href={`/portal/invoices/${row.id}/pdf`} download>
            {m.downloadPdf}
          </a>
          {payable && canPay && !processing && !limitNote ? (
            <a class="button" href={`/portal/invoices/${row.id}/pay`}>
              {m.payNow}
            </a>
          ) : null}
          {payable && processing ? <span class="muted">{m.paymentSettling}</span> : null}
        </div>
        {payable && canPay && !processing && previous ? (
          <p class="danger" data-last-attempt={previous}>
            {previous === 'failed' ? m.lastAttemptFailed : m.lastAttemptExpired}
          </p>
        ) : null}
        {payable && canPay && limitNote ? (
          <p class="muted" data-pay-limit>
            {limitNote}
          </p>
        ) : null}
        <DocumentPreview row={row} view={view} lang={lang} m={m} />
      </>,
    );
  });

  portal.get('/invoices/:id/pdf', requirePortal, async (c) => {
    const p = c.var.portal;
    const pdf = await clientDocumentPdf(p, 'invoice', c.req.param('id'));
    if (!pdf) return notFound(c);
    return pdfResponse(c, pdf, c.req.query('download') !== '0');
  });
}
