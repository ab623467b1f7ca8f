import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useWords } from '../../i18n';
import { TextAreaField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { isNotFound, problemText } from '../../ui/problemText';
import { useApiForm } from '../../ui/useApiForm';
import { clientQueries } from '../clients/queries';
import { StatusBadge } from '../documents/StatusBadge';
import { ticketQueries } from './queries';
import { replyToTicket, setTicketStatus } from './writes';

/** What the ticket form does: a reply (or internal note), or a new status. */
type TicketCommand =
  | { do: 'reply'; body: string; internal: boolean }
  | { do: 'status'; status: 'open' | 'closed' };

/** One conversation: the thread, a reply box (or internal note), close / reopen, and the client beside it. */
export function TicketPage() {
  const { id = '' } = useParams();
  const { t: words, money, date } = useWords();
  const ticket = useQuery({ ...ticketQueries.detail(id), refetchInterval: 15_000 });
  const t = ticket.data;
  const client = useQuery(clientQueries.detail(t?.clientId ?? '')).data;
  const invoices = useInfiniteQuery(clientQueries.documents(t?.clientId ?? '', { type: 'invoice' })).data
    ?.pages[0];
  const [internal, setInternal] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const action = useApiForm({
    action: (c: TicketCommand, key): Promise<unknown> =>
      c.do === 'reply'
        ? replyToTicket(id, { body: c.body, internal: c.internal }, key)
        : setTicketStatus(id, c.status, key),
    onSuccess: (_done, c) => (c.do === 'reply' ? form.current?.reset() : undefined),
    invalidates: [ticketQueries.all()],
    // A refused reply says why beside the box.
    whenFieldsNamed: 'nothing',
  });
  const busy = action.busy;
  const bodyError = action.fieldErrors.body;

  function send(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void action.submit({
      do: 'reply',
      body: String(new FormData(e.currentTarget).get('body') ?? ''),
      internal,
    });
  }

  if (ticket.error) {
    const missing = isNotFound(ticket.error);
    return <FormError message={missing ? words.ticket.missing : problemText(ticket.error, words)} />;
  }
  if (!t) return <p className="muted">{words.app.loading}</p>;
  return (
    <section>
      <div className="page-head">
        <h1>
          {t.subject}{' '}
          <span
            className={`badge badge-${t.status === 'open' ? 'overdue' : t.status === 'waiting' ? 'sent' : 'void'}`}
          >
            {words.support.ticket[t.status]}
          </span>
        </h1>
        <Link to="/support">{words.ticket.back}</Link>
      </div>
      <div className="ticket-layout">
        <div>
          <div className="card">
            <ol className="thread" aria-label={words.ticket.conversation}>
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
                        ? words.ticket.internalNote
                        : m.author === 'client'
                          ? (m.authorName ?? t.clientName)
                          : (m.authorName ?? words.ticket.you)}
                    </strong>{' '}
                    {words.ticket.via[m.via]} · {date(m.createdAt)}
                  </p>
                  <p className="body">{m.body}</p>
                  {m.attachments.map((a) => (
                    <p key={a.id}>
                      <a href={`/api/v1/tickets/${t.id}/attachments/${a.id}`} download={a.name}>
                        📎 {a.name}
                      </a>{' '}
                      <span className="muted">{words.ticket.size(Math.ceil(a.size / 1024))}</span>
                    </p>
                  ))}
                </li>
              ))}
            </ol>
          </div>
          <form ref={form} className="card" onSubmit={send} noValidate>
            <FormError message={action.error} />
            <TextAreaField
              label={internal ? words.ticket.internalNote : words.ticket.reply}
              name="body"
              rows={5}
              error={bodyError}
              hint={internal ? words.ticket.noteHint : words.ticket.replyHint}
            />
            <label className="check">
              <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />{' '}
              {words.ticket.internalCheck}
            </label>
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                {internal ? words.ticket.addNote : words.ticket.sendReply}
              </button>
              {t.status === 'closed' ? (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void action.submit({ do: 'status', status: 'open' })}
                >
                  {words.ticket.reopen}
                </button>
              ) : (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void action.submit({ do: 'status', status: 'closed' })}
                >
                  {words.ticket.close}
                </button>
              )}
            </div>
          </form>
        </div>
        <aside className="card" aria-label={words.ticket.clientAside}>
          <h3>
            <Link to={`/clients/${t.clientId}`}>{t.clientName}</Link>
          </h3>
          {client ? (
            <>
              {client.company ? <p>{client.company}</p> : null}
              <p>{client.email ?? <span className="muted">{words.ticket.noEmail}</span>}</p>
              {client.phone ? <p>{client.phone}</p> : null}
            </>
          ) : null}
          <h4>{words.ticket.recentInvoices}</h4>
          {!invoices?.data.length ? (
            <p className="muted">{words.ticket.noInvoices}</p>
          ) : (
            <table className="list">
              <tbody>
                {invoices.data.slice(0, 5).map((d) => (
                  <tr key={d.id} className={d.id === t.invoiceId ? 'highlight' : undefined}>
                    <td>
                      <Link to={`/invoices/${d.id}`}>{d.number ?? words.app.draft}</Link>
                      {d.id === t.invoiceId ? (
                        <span className="muted"> {words.ticket.askedAbout}</span>
                      ) : null}
                    </td>
                    <td>
                      <StatusBadge type={d.type} status={d.status} overdue={d.overdue} />
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
