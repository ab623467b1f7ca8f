import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api';
import { FormError } from '../components/FormError';
import { date } from '../format';
import { keys } from '../queries';
import { TICKET_STATUS_LABEL, type TicketStatus } from '../statuses';

const FILTERS = (['open', 'waiting', 'closed'] as const).map((status) => ({
  status,
  label: TICKET_STATUS_LABEL[status],
}));

/** The support inbox: tickets by who owes the next answer, most recent activity first. */
export function SupportPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? 'open') as TicketStatus;
  const list = useQuery({
    queryKey: keys.tickets({ status }),
    queryFn: () => api.tickets({ status }),
    refetchInterval: 15_000,
  });
  const inbound = useQuery({ queryKey: keys.inboundMail, queryFn: api.inboundMail });
  const turnedAway = (inbound.data?.data ?? []).filter((m) => m.outcome === 'rejected').slice(0, 10);
  return (
    <section>
      <div className="page-head">
        <h1>Support</h1>
      </div>
      <div className="tabs" role="tablist" aria-label="Ticket status">
        {FILTERS.map((f) => (
          <button
            key={f.status}
            type="button"
            role="tab"
            aria-selected={status === f.status}
            className={status === f.status ? 'primary' : undefined}
            onClick={() => setParams({ status: f.status })}
          >
            {f.label}
          </button>
        ))}
      </div>
      <div className="card">
        {list.error ? <FormError message={list.error.message} /> : null}
        {list.isPending ? (
          <p className="muted">Loading…</p>
        ) : !list.data?.data.length ? (
          <p className="muted">
            {status === 'open'
              ? 'Nothing awaiting you. Clients ask from the portal or by replying to your emails.'
              : 'No tickets here.'}
          </p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th>Subject</th>
                <th>Client</th>
                <th className="hide-sm">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {list.data.data.map((t) => (
                <tr key={t.id} data-ticket={t.id}>
                  <td>
                    <Link to={`/support/${t.id}`}>{t.subject}</Link>
                  </td>
                  <td>{t.clientName}</td>
                  <td className="hide-sm">{date(t.lastMessageAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {turnedAway.length ? (
        <div className="card">
          <h3>Mail turned away</h3>
          <p className="hint">Replies the Email Worker refused, with the reason the sender was given.</p>
          <table className="list">
            <tbody>
              {turnedAway.map((m) => (
                <tr key={m.id}>
                  <td className="hide-sm">{date(m.receivedAt)}</td>
                  <td>{m.from}</td>
                  <td>{m.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
