import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Client, DocType } from '../../api/types';
import { useWords } from '../../i18n';
import { DocumentTable } from '../documents/DocumentTable';
import { STATUS_FILTERS, statusLabel } from '../documents/statuses';
import { useCan } from '../team/can';
import { ticketQueries } from '../tickets/queries';
import { ClientCredits } from './ClientCredits';
import { clientQueries } from './queries';

/** The client 360°: money per currency, then the document history with filters. */
export function ClientOverview({ client }: { client: Client }) {
  const [type, setType] = useState<DocType>('invoice');
  const [status, setStatus] = useState('');
  const { t, money, date } = useWords();
  const can = useCan();
  const summary = useQuery(clientQueries.summary(client.id)).data;
  const history = useInfiniteQuery(clientQueries.documents(client.id, { type, status }));
  const docs = history.data ? history.data.pages.flatMap((p) => p.data) : null;
  const tickets = useQuery(ticketQueries.list({ clientId: client.id })).data?.data;

  return (
    <section className="overview" aria-label={t.client.overview}>
      <div className="cards">
        {summary && summary.currencies.length === 0 ? (
          <p className="muted">{t.client.nothingInvoiced}</p>
        ) : null}
        {summary?.currencies.map((c) => (
          <div className="card metric" key={c.currency} data-currency={c.currency}>
            <h3>{c.currency}</h3>
            <dl>
              <dt>{t.client.invoiced}</dt>
              <dd>{money(c.totalInvoiced, c.currency)}</dd>
              <dt>{t.client.paid}</dt>
              <dd>{money(c.totalPaid, c.currency)}</dd>
              <dt>{t.client.outstanding}</dt>
              <dd>{money(c.outstanding, c.currency)}</dd>
              <dt>{t.client.overdue}</dt>
              <dd className={c.overdue ? 'danger-text' : ''}>{money(c.overdue, c.currency)}</dd>
              {c.credited ? (
                <>
                  <dt>{t.credit.creditNotes}</dt>
                  <dd data-credited={c.credited}>{money(c.credited, c.currency)}</dd>
                </>
              ) : null}
              {c.credit ? (
                <>
                  <dt>{t.credit.balance}</dt>
                  <dd data-credit={c.credit}>{money(c.credit, c.currency)}</dd>
                </>
              ) : null}
            </dl>
          </div>
        ))}
      </div>
      <ClientCredits clientId={client.id} />
      <div className="toolbar">
        <div role="tablist" aria-label={t.client.documentType} className="tabs">
          {(['invoice', 'estimate'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              role="tab"
              aria-selected={type === kind}
              className={type === kind ? 'active' : ''}
              onClick={() => {
                setType(kind);
                setStatus('');
              }}
            >
              {kind === 'invoice'
                ? t.client.invoicesTab(summary ? sumCounts(summary.invoices) : null)
                : t.client.estimatesTab(summary ? sumCounts(summary.estimates) : null)}
            </button>
          ))}
        </div>
        <select aria-label={t.app.status} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t.app.allStatuses}</option>
          {STATUS_FILTERS[type].map((s) => (
            <option key={s} value={s}>
              {statusLabel(t, type, s)}
            </option>
          ))}
        </select>
        <a
          className="button"
          href={`/api/v1/clients/${client.id}/statement/pdf`}
          target="_blank"
          rel="noreferrer"
        >
          {t.client.statementPdf}
        </a>
        {can('write') ? (
          <Link className="button primary" to={`/${type}s/new?clientId=${client.id}`}>
            {type === 'invoice' ? t.documents.newInvoice : t.documents.newEstimate}
          </Link>
        ) : null}
      </div>
      {docs === null ? (
        <p className="muted">{t.app.loading}</p>
      ) : docs.length === 0 ? (
        <div className="empty">
          <p>
            {type === 'invoice'
              ? t.client.noInvoices(Boolean(status))
              : t.client.noEstimates(Boolean(status))}
          </p>
        </div>
      ) : (
        <DocumentTable docs={docs} />
      )}
      {history.hasNextPage ? (
        <button type="button" disabled={history.isFetchingNextPage} onClick={() => history.fetchNextPage()}>
          {t.app.loadMore}
        </button>
      ) : null}
      <h3>{t.client.support}</h3>
      {!tickets?.length ? (
        <p className="muted">{t.client.noTickets}</p>
      ) : (
        <table className="list" data-testid="client-tickets">
          <tbody>
            {tickets.map((ticket) => (
              <tr key={ticket.id}>
                <td>
                  <Link to={`/support/${ticket.id}`}>{ticket.subject}</Link>
                </td>
                <td>{t.support.ticket[ticket.status]}</td>
                <td className="hide-sm">{date(ticket.lastMessageAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const sumCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([k]) => k !== 'overdue')
    .reduce((s, [, n]) => s + n, 0);
