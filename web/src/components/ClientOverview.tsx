import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Client, type Doc, type DocType } from '../api';
import { useWords } from '../i18n';
import { keys } from '../queries';
import { STATUS_FILTERS, statusLabel } from '../statuses';
import { StatusBadge } from './StatusBadge';

/** The client 360°: money per currency, then the document history with filters. */
export function ClientOverview({ client }: { client: Client }) {
  const [type, setType] = useState<DocType>('invoice');
  const [status, setStatus] = useState('');
  const { t, money, date } = useWords();
  const summary = useQuery({
    queryKey: keys.summary(client.id),
    queryFn: () => api.clientSummary(client.id),
  }).data;
  const history = useInfiniteQuery({
    queryKey: keys.clientDocuments(client.id, { type, status }),
    queryFn: ({ pageParam }) =>
      api.clientDocuments(client.id, { type, ...(status ? { status } : {}), cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const docs = history.data ? history.data.pages.flatMap((p) => p.data) : null;
  const tickets = useQuery({
    queryKey: keys.tickets({ clientId: client.id }),
    queryFn: () => api.tickets({ clientId: client.id }),
  }).data?.data;

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
            </dl>
          </div>
        ))}
      </div>
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
        <Link className="button primary" to={`/${type}s/new?clientId=${client.id}`}>
          {type === 'invoice' ? t.documents.newInvoice : t.documents.newEstimate}
        </Link>
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

export function DocumentTable({ docs, showClient = false }: { docs: Doc[]; showClient?: boolean }) {
  const { t, money, date } = useWords();
  return (
    <table className="list">
      <thead>
        <tr>
          <th>{t.documents.number}</th>
          {showClient ? <th>{t.documents.client}</th> : null}
          <th className="hide-sm">{t.documents.issued}</th>
          <th>{t.app.status}</th>
          <th className="num">{t.documents.total}</th>
          <th className="num hide-sm">{t.documents.due}</th>
        </tr>
      </thead>
      <tbody>
        {docs.map((d) => (
          <tr key={d.id}>
            <td>
              <Link to={`/${d.type}s/${d.id}`}>{d.number ?? t.app.draft}</Link>
            </td>
            {showClient ? <td>{d.clientName}</td> : null}
            <td className="hide-sm">{date(d.issueDate)}</td>
            <td>
              <StatusBadge type={d.type} status={d.status} overdue={d.overdue} />
            </td>
            <td className="num">{money(d.total, d.currency)}</td>
            <td className="num hide-sm">{d.type === 'invoice' ? money(d.amountDue, d.currency) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
