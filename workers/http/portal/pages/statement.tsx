import type { Hono } from 'hono';
import { clientStatementPdf } from '../../../services/clients/statement';
import { summaryOf } from '../../../services/clients/summary';
import { today } from '../../../services/documents/view';
import { invoicePage, recentPayments } from '../../../services/portal/documents';
import { storedLogo } from '../../../services/settings/logo';
import { pdfResponse } from '../../pdf-response';
import { type PortalEnv, requirePortal, signedInPage } from '../context';
import { formatters } from './format';
import { InvoiceCells } from './invoice-row';

/** `/portal`: per-currency statement, recent invoices, statement PDF and the business logo. */
export function statementPages(portal: Hono<PortalEnv>) {
  portal.get('/', requirePortal, async (c) => {
    const { lang, m, portal: p } = c.var;
    const day = today(p.ctx.now);
    const [summary, paid, recent] = await Promise.all([
      summaryOf(p.ctx, p.clientId),
      recentPayments(p),
      invoicePage(p, { sort: 'date', order: 'desc', page: 1, pageSize: 5 }),
    ]);
    const f = formatters(lang);
    return signedInPage(
      c,
      { title: `${m.statement} — ${p.tenant.name}`, section: 'statement' },
      <>
        <h1>{m.statement}</h1>
        <p class="muted">{p.client.company ? `${p.client.name} · ${p.client.company}` : p.client.name}</p>
        {summary.currencies.length === 0 ? <p>{m.nothingYet}</p> : null}
        <div class="cards">
          {summary.currencies.map((x) => (
            <section class="card" data-currency={x.currency}>
              <h2>{x.currency}</h2>
              <dl>
                <dt>{m.totalInvoiced}</dt>
                <dd>{f.money(x.totalInvoiced, x.currency)}</dd>
                <dt>{m.totalPaid}</dt>
                <dd>{f.money(x.totalPaid, x.currency)}</dd>
                <dt>{m.totalOwed}</dt>
                <dd>
                  <strong>{f.money(x.outstanding, x.currency)}</strong>
                </dd>
                <dt>{m.overdue}</dt>
                <dd class={x.overdue ? 'danger' : ''}>{f.money(x.overdue, x.currency)}</dd>
                {x.credit ? (
                  <>
                    <dt>{m.credit}</dt>
                    <dd data-credit={x.credit} title={m.creditNote}>
                      {f.money(x.credit, x.currency)}
                    </dd>
                  </>
                ) : null}
              </dl>
            </section>
          ))}
        </div>
        {recent.rows.length ? (
          <section class="card">
            <h2>{m.recentActivity}</h2>
            <table class="responsive">
              <tbody>
                {recent.rows.map((r) => (
                  <tr>
                    <InvoiceCells row={r} day={day} lang={lang} m={m} />
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              <a href="/portal/invoices">{m.invoices} →</a>
            </p>
          </section>
        ) : null}
        {paid.length ? (
          <section class="card">
            <h2>{m.recentPayments}</h2>
            <table class="responsive">
              <tbody>
                {paid.map((pay) => (
                  <tr data-payment={pay.id}>
                    <td data-label={m.issued}>{f.date(pay.date)}</td>
                    <td data-label={m.number}>
                      <a href={`/portal/invoices/${pay.invoiceId}`}>
                        {m.paymentFor(pay.invoiceNumber ?? '')}
                      </a>
                    </td>
                    <td data-label={m.amount} class="num">
                      {f.money(pay.amount, pay.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        <p class="actions">
          <a class="button secondary" href="/portal/statement.pdf" download>
            {m.downloadStatement}
          </a>
        </p>
      </>,
    );
  });

  portal.get('/statement.pdf', requirePortal, async (c) => {
    const p = c.var.portal;
    return pdfResponse(c, await clientStatementPdf(p.ctx, p.clientId), true);
  });

  portal.get('/logo', requirePortal, async (c) => {
    const p = c.var.portal;
    const object = await storedLogo(p.ctx, p.tenant.logoKey);
    if (!object) return c.body(null, 404);
    return c.body(object.body, 200, {
      'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    });
  });
}
