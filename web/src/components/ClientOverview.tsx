import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Client, type Doc, type DocType } from '../api';
import { date, money } from '../format';
import { keys } from '../queries';
import { STATUS_FILTERS, TICKET_STATUS_LABEL } from '../statuses';
import { StatusBadge } from './StatusBadge';

/** The client 360°: money per currency, then the document history with filters. */
export function ClientOverview({ client }: { client: Client }) {
  const [type, setType] = useState<DocType>('invoice');
  const [status, setStatus] = useState('');
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
    <section className="overview" aria-label="Client overview">
      <div className="cards">
        {summary && summary.currencies.length === 0 ? <p className="muted">Nothing invoiced yet.</p> : null}
        {summary?.currencies.map((c) => (
          <div className="card metric" key={c.currency} data-currency={c.currency}>
            <h3>{c.currency}</h3>
            <dl>
              <dt>Invoiced</dt>
              <dd>{money(c.totalInvoiced, c.currency)}</dd>
              <dt>Paid</dt>
              <dd>{money(c.totalPaid, c.currency)}</dd>
              <dt>Outstanding</dt>
              <dd>{money(c.outstanding, c.currency)}</dd>
              <dt>Overdue</dt>
              <dd className={c.overdue ? 'danger-text' : ''}>{money(c.overdue, c.currency)}</dd>
            </dl>
          </div>
        ))}
      </div>
      <div className="toolbar">
        <div role="tablist" aria-label="Document type" className="tabs">
          {(['invoice', 'estimate'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={type === t}
              className={type === t ? 'active' : ''}
              onClick={() => {
                setType(t);
                setStatus('');
              }}
            >
              {t === 'invoice'
                ? `Invoices${summary ? ` (${sumCounts(summary.invoices)})` : ''}`
                : `Estimates${summary ? ` (${sumCounts(summary.estimates)})` : ''}`}
            </button>
          ))}
        </div>
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">All statuses</option>
          {STATUS_FILTERS[type].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <a
          className="button"
          href={`/api/v1/clients/${client.id}/statement/pdf`}
          target="_blank"
          rel="noreferrer"
        >
          Statement PDF
        </a>
        <Link className="button primary" to={`/${type}s/new?clientId=${client.id}`}>
          New {type}
        </Link>
      </div>
      {docs === null ? (
        <p className="muted">Loading…</p>
      ) : docs.length === 0 ? (
        <div className="empty">
          <p>
            No {status ? `${status} ` : ''}
            {type}s for this client.
          </p>
        </div>
      ) : (
        <DocumentTable docs={docs} />
      )}
      {history.hasNextPage ? (
        <button type="button" disabled={history.isFetchingNextPage} onClick={() => history.fetchNextPage()}>
          Load more
        </button>
      ) : null}
      <h3>Support</h3>
      {!tickets?.length ? (
        <p className="muted">No tickets from this client.</p>
      ) : (
        <table className="list" data-testid="client-tickets">
          <tbody>
            {tickets.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link to={`/support/${t.id}`}>{t.subject}</Link>
                </td>
                <td>{TICKET_STATUS_LABEL[t.status]}</td>
                <td className="hide-sm">{date(t.lastMessageAt)}</td>
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
  return (
    <table className="list">
      <thead>
        <tr>
          <th>Number</th>
          {showClient ? <th>Client</th> : null}
          <th className="hide-sm">Issued</th>
          <th>Status</th>
          <th className="num">Total</th>
          <th className="num hide-sm">Due</th>
        </tr>
      </thead>
      <tbody>
        {docs.map((d) => (
          <tr key={d.id}>
            <td>
              <Link to={`/${d.type}s/${d.id}`}>{d.number ?? 'Draft'}</Link>
            </td>
            {showClient ? <td>{d.clientName}</td> : null}
            <td className="hide-sm">{date(d.issueDate)}</td>
            <td>
              <StatusBadge status={d.status} overdue={d.overdue} />
            </td>
            <td className="num">{money(d.total, d.currency)}</td>
            <td className="num hide-sm">{d.type === 'invoice' ? money(d.amountDue, d.currency) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
