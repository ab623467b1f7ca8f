import type { Language } from '@clientele/core';
import type { Hono } from 'hono';
import {
  clientCreditNote,
  clientCreditNotePdf,
  type creditNotesOfClient,
} from '../../../services/portal/credit-notes';
import { pdfResponse } from '../../pdf-response';
import { notFound, type PortalEnv, requirePortal, signedInPage } from '../context';
import type { PortalMessages } from '../messages';
import { formatters } from './format';

/** The client's credit notes, under their invoices: number, the invoice corrected, date, amount. */
export function CreditNoteList(props: {
  rows: Awaited<ReturnType<typeof creditNotesOfClient>>;
  lang: Language;
  m: PortalMessages;
}) {
  const { rows, lang, m } = props;
  if (rows.length === 0) return null;
  const f = formatters(lang);
  return (
    <section aria-labelledby="credit-notes">
      <h2 id="credit-notes">{m.creditNotesHeading}</h2>
      <table>
        <thead>
          <tr>
            <th>{m.number}</th>
            <th>{m.issued}</th>
            <th class="num">{m.total}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr data-credit-note={r.number}>
              <td>
                <a href={`/portal/credit-notes/${r.id}`}>{r.number}</a>
                <br />
                <span class="muted">{m.creditNoteAgainst(r.snapshot.invoice.number)}</span>
              </td>
              <td>{f.date(r.issueDate)}</td>
              <td class="num">{f.money(r.total, r.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** `/portal/credit-notes/{id}`: one credit note from its frozen snapshot, and its PDF. */
export function creditNotePages(portal: Hono<PortalEnv>) {
  portal.get('/credit-notes/:id', requirePortal, async (c) => {
    const { lang, m, portal: p } = c.var;
    const row = await clientCreditNote(p, c.req.param('id'));
    if (!row) return notFound(c);
    const f = formatters(lang);
    const s = row.snapshot;
    const title = m.creditNoteHeading(row.number);
    return signedInPage(
      c,
      { title, section: 'invoices' },
      <>
        <p>
          <a href="/portal/invoices">← {m.back}</a>
        </p>
        <h1>{title}</h1>
        <p class="muted">
          {m.creditNoteAgainst(s.invoice.number)} · {f.date(s.invoice.issueDate)}
        </p>
        <div class="actions">
          <a class="button secondary" href={`/portal/credit-notes/${row.id}/pdf`} download>
            {m.downloadPdf}
          </a>
        </div>
        <dl>
          <dt>{m.creditNoteReason}</dt>
          <dd>{s.reason}</dd>
          <dt>{m.issued}</dt>
          <dd>{f.date(s.issueDate)}</dd>
        </dl>
        <table>
          <tbody>
            {s.lines.map((l) => (
              <tr>
                <td>{l.description}</td>
                <td class="num">{f.money(l.amount, s.currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{m.total}</th>
              <td class="num" data-total={s.total}>
                {f.money(s.total, s.currency)}
              </td>
            </tr>
          </tfoot>
        </table>
      </>,
    );
  });

  portal.get('/credit-notes/:id/pdf', requirePortal, async (c) => {
    const pdf = await clientCreditNotePdf(c.var.portal, c.req.param('id'));
    if (!pdf) return notFound(c);
    return pdfResponse(c, pdf, c.req.query('download') !== '0');
  });
}
