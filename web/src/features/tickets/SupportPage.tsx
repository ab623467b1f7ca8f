import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { oneOf } from '../../api/http';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { problemText } from '../../ui/problemText';
import { useApiForm } from '../../ui/useApiForm';
import { TICKET_STATUSES, ticketQueries } from './queries';
import { acceptInboundMail } from './writes';

/** The support inbox: tickets by who owes the next answer, most recent activity first. */
export function SupportPage() {
  const [params, setParams] = useSearchParams();
  const { t, date } = useWords();
  const status = oneOf(TICKET_STATUSES, params.get('status')) ?? 'open';
  const list = useQuery({ ...ticketQueries.list({ status }), refetchInterval: 15_000 });
  const inbound = useQuery(ticketQueries.inboundMail());
  const turnedAway = (inbound.data?.data ?? []).filter((m) => m.outcome === 'rejected').slice(0, 10);
  // The accepted reply lands on a thread: the inbox, the badge and the log all change.
  const accept = useApiForm({
    action: (id: string, key) => acceptInboundMail(id, key),
    invalidates: [ticketQueries.all()],
  });
  const [accepting, setAccepting] = useState<string | null>(null);
  const acceptMail = (id: string) => {
    setAccepting(id);
    void accept.submit(id).finally(() => setAccepting(null));
  };
  return (
    <section>
      <div className="page-head">
        <h1>{t.support.title}</h1>
      </div>
      <div className="tabs" role="tablist" aria-label={t.support.ticketStatus}>
        {TICKET_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={status === s}
            className={status === s ? 'primary' : undefined}
            onClick={() => setParams({ status: s })}
          >
            {t.support.ticket[s]}
          </button>
        ))}
      </div>
      <div className="card">
        {list.error ? <FormError message={problemText(list.error, t)} /> : null}
        {list.isPending ? (
          <p className="muted">{t.app.loading}</p>
        ) : !list.data?.data.length ? (
          <p className="muted">{status === 'open' ? t.support.nothingAwaiting : t.support.noTickets}</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th>{t.support.subject}</th>
                <th>{t.support.client}</th>
                <th className="hide-sm">{t.support.lastActivity}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.data.map((ticket) => (
                <tr key={ticket.id} data-ticket={ticket.id}>
                  <td>
                    <Link to={`/support/${ticket.id}`}>{ticket.subject}</Link>
                  </td>
                  <td>{ticket.clientName}</td>
                  <td className="hide-sm">{date(ticket.lastMessageAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {turnedAway.length ? (
        <div className="card">
          <h3>{t.support.turnedAway}</h3>
          <p className="hint">{t.support.turnedAwayHint}</p>
          {accept.error ? <FormError message={accept.error} /> : null}
          <table className="list">
            <tbody>
              {turnedAway.map((m) => (
                <tr key={m.id} data-inbound={m.id}>
                  <td className="hide-sm">{date(m.receivedAt)}</td>
                  <td>{m.from}</td>
                  <td>{m.reason}</td>
                  <td>
                    {m.acceptable ? (
                      <button
                        type="button"
                        title={t.support.acceptMailHint}
                        disabled={accept.busy}
                        aria-busy={accepting === m.id}
                        onClick={() => acceptMail(m.id)}
                      >
                        {t.support.acceptMail}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
