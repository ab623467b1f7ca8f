import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api';
import { TextAreaField } from '../components/Field';
import { FormError } from '../components/FormError';
import { StatusBadge } from '../components/StatusBadge';
import { useAction } from '../components/useAction';
import { date, money } from '../format';
import { keys } from '../queries';
import { TICKET_STATUS_LABEL } from '../statuses';

const VIA: Record<string, string> = { portal: 'via portal', email: 'by email', admin: '' };

/** One conversation: the thread, a reply box (or internal note), close / reopen, and the client beside it. */
export function TicketPage() {
  const { id = '' } = useParams();
  const ticket = useQuery({
    queryKey: keys.ticket(id),
    queryFn: () => api.ticket(id),
    refetchInterval: 15_000,
  });
  const t = ticket.data;
  const client = useQuery({
    queryKey: keys.client(t?.clientId ?? ''),
    queryFn: () => api.getClient(t?.clientId ?? ''),
    enabled: Boolean(t),
  }).data;
  const invoices = useQuery({
    queryKey: keys.clientDocuments(t?.clientId ?? '', { type: 'invoice' }),
    queryFn: () => api.clientDocuments(t?.clientId ?? '', { type: 'invoice' }),
    enabled: Boolean(t),
  }).data;
  const { run, error, busy } = useAction([['tickets']]);
  const [bodyError, setBodyError] = useState<string | undefined>();
  const [internal, setInternal] = useState(false);

  async function send(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body = String(new FormData(form).get('body') ?? '');
    setBodyError(undefined);
    await run(async () => {
      try {
        await api.replyToTicket(id, { body, internal });
        form.reset();
      } catch (err) {
        if (err instanceof ApiError) setBodyError(err.fieldErrors().body);
        throw err;
      }
    });
  }

  if (ticket.error) {
    const missing = ticket.error instanceof ApiError && ticket.error.status === 404;
    return <FormError message={missing ? 'This ticket does not exist.' : ticket.error.message} />;
  }
  if (!t) return <p className="muted">Loading…</p>;
  return (
    <section>
      <div className="page-head">
        <h1>
          {t.subject}{' '}
          <span
            className={`badge badge-${t.status === 'open' ? 'overdue' : t.status === 'waiting' ? 'sent' : 'void'}`}
          >
            {TICKET_STATUS_LABEL[t.status]}
          </span>
        </h1>
        <Link to="/support">← Support</Link>
      </div>
      <div className="ticket-layout">
        <div>
          <div className="card">
            <ol className="thread" aria-label="Conversation">
              {(t.messages ?? []).map((m) => (
                <li
                  key={m.id}
                  className={m.internal ? 'internal' : m.author}
                  data-message={m.id}
                  data-via={m.via}
                >
                  <p className="muted">
                    <strong>
                      {m.internal
                        ? 'Internal note'
                        : m.author === 'client'
                          ? (m.authorName ?? t.clientName)
                          : (m.authorName ?? 'You')}
                    </strong>{' '}
                    {VIA[m.via]} · {date(m.createdAt)}
                  </p>
                  <p className="body">{m.body}</p>
                  {m.attachments.map((a) => (
                    <p key={a.id}>
                      <a href={`/api/v1/tickets/${t.id}/attachments/${a.id}`} download={a.name}>
                        📎 {a.name}
                      </a>{' '}
                      <span className="muted">({Math.ceil(a.size / 1024)} KB)</span>
                    </p>
                  ))}
                </li>
              ))}
            </ol>
          </div>
          <form className="card" onSubmit={send} noValidate>
            <FormError message={error && !bodyError ? error : null} />
            <TextAreaField
              label={internal ? 'Internal note' : 'Reply'}
              name="body"
              rows={5}
              error={bodyError}
              hint={
                internal
                  ? 'Only your team sees notes; the client never does.'
                  : 'Emailed to the client; they can answer in the portal or by replying to the email.'
              }
            />
            <label className="check">
              <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />{' '}
              Internal note (not sent to the client)
            </label>
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                {internal ? 'Add note' : 'Send reply'}
              </button>
              {t.status === 'closed' ? (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => run(() => api.setTicketStatus(t.id, 'open'))}
                >
                  Reopen
                </button>
              ) : (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => run(() => api.setTicketStatus(t.id, 'closed'))}
                >
                  Close ticket
                </button>
              )}
            </div>
          </form>
        </div>
        <aside className="card" aria-label="Client">
          <h3>
            <Link to={`/clients/${t.clientId}`}>{t.clientName}</Link>
          </h3>
          {client ? (
            <>
              {client.company ? <p>{client.company}</p> : null}
              <p>{client.email ?? <span className="muted">No email on file</span>}</p>
              {client.phone ? <p>{client.phone}</p> : null}
            </>
          ) : null}
          <h4>Recent invoices</h4>
          {!invoices?.data.length ? (
            <p className="muted">No invoices.</p>
          ) : (
            <table className="list">
              <tbody>
                {invoices.data.slice(0, 5).map((d) => (
                  <tr key={d.id} className={d.id === t.invoiceId ? 'highlight' : undefined}>
                    <td>
                      <Link to={`/invoices/${d.id}`}>{d.number ?? 'Draft'}</Link>
                      {d.id === t.invoiceId ? <span className="muted"> (asked about)</span> : null}
                    </td>
                    <td>
                      <StatusBadge status={d.status} overdue={d.overdue} />
                    </td>
                    <td className="num">{money(d.total, d.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </aside>
      </div>
    </section>
  );
}
