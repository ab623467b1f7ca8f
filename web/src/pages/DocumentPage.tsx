import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, type DocType } from '../api';
import { useConfirm } from '../components/ConfirmDialog';
import { FormError } from '../components/FormError';
import { InvoicePayments } from '../components/InvoicePayments';
import { PaymentDialog } from '../components/PaymentDialog';
import { StatusBadge } from '../components/StatusBadge';
import { useAction } from '../components/useAction';
import { date, money } from '../format';
import { keys } from '../queries';

export function DocumentPage({ type }: { type: DocType }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useConfirm();
  const ask = confirm.ask;
  const docQuery = useQuery({ queryKey: keys.document(type, id), queryFn: () => api.getDocument(type, id) });
  const doc = docQuery.data ?? null;
  // A converted estimate names the invoice it became.
  const convertedTo = doc?.type === 'estimate' ? doc.invoiceId : null;
  const invoiceNumber = useQuery({
    queryKey: keys.document('invoice', convertedTo ?? ''),
    queryFn: () => api.getDocument('invoice', convertedTo ?? ''),
    enabled: Boolean(convertedTo),
  }).data?.number;
  const notFound = docQuery.error instanceof ApiError && docQuery.error.status === 404;
  // A document action changes the document, its payments, lists, the client 360° and the email log.
  const changes = [['document'], ['documents'], ['client'], ['emails']] as const;
  const { run: act, error: actionError, busy, invalidate: reload } = useAction(changes);
  const error = actionError ?? (docQuery.error && !notFound ? docQuery.error.message : null);

  if (notFound) return <p className="form-error">This {type} does not exist.</p>;
  if (!doc) return error ? <FormError message={error} /> : <p className="muted">Loading…</p>;
  const d = doc;
  const isInvoice = type === 'invoice';

  return (
    <section>
      {confirm.dialog}
      <div className="page-head">
        <h1>
          {d.number ?? `Draft ${type}`}{' '}
          {convertedTo ? (
            <Link className="badge badge-paid" to={`/invoices/${convertedTo}`}>
              Converted → {invoiceNumber ?? 'invoice'}
            </Link>
          ) : (
            <StatusBadge status={d.status} overdue={d.overdue} />
          )}
        </h1>
        <Link to={`/clients/${d.clientId}`}>← {d.billTo?.name ?? 'Client'}</Link>
      </div>
      {d.sentAt || d.viewedAt ? (
        <p className="muted" data-testid="history">
          {d.sentAt ? `Sent ${date(d.sentAt)}` : null}
          {d.sentAt && d.viewedAt ? ' · ' : null}
          {d.viewedAt ? `Viewed by the client in the portal ${date(d.viewedAt)}` : null}
        </p>
      ) : null}
      <FormError message={error} />
      <div className="actions-bar">
        {d.status === 'draft' ? (
          <>
            <Link className="button" to={`/${type}s/${d.id}/edit`}>
              Edit
            </Link>
            <button
              disabled={busy}
              type="button"
              className="primary"
              onClick={() => act(() => api.sendDocument(type, d.id))}
            >
              Send {type}
            </button>
            <button
              disabled={busy}
              type="button"
              className="danger"
              onClick={() =>
                ask({ title: `Delete this draft ${type}?`, confirmLabel: 'Delete', danger: true }).then(
                  (ok) =>
                    ok &&
                    act(async () => {
                      await api.deleteDocument(type, d.id);
                      navigate(`/${type}s`);
                    }),
                )
              }
            >
              Delete
            </button>
          </>
        ) : d.status !== 'void' ? (
          <button
            disabled={busy}
            type="button"
            onClick={() =>
              ask({
                title: `Email this ${type} again?`,
                message: 'The client gets the same document again, with a link to the portal.',
                confirmLabel: 'Send again',
              }).then((ok) => ok && act(() => api.sendDocument(type, d.id, { resend: true })))
            }
          >
            Send again
          </button>
        ) : null}
        {isInvoice && d.amountDue > 0 && d.status !== 'draft' ? (
          <button type="button" className="primary" onClick={() => dialog.current?.showModal()}>
            Record payment
          </button>
        ) : null}
        {isInvoice && (d.status === 'sent' || d.status === 'viewed') && d.amountPaid === 0 ? (
          <button
            disabled={busy}
            type="button"
            className="danger"
            onClick={() =>
              ask({
                title: 'Void this invoice?',
                message: 'It keeps its number and can no longer be paid.',
                confirmLabel: 'Void',
                danger: true,
              }).then((ok) => ok && act(() => api.voidInvoice(d.id)))
            }
          >
            Void
          </button>
        ) : null}
        {!isInvoice && d.status === 'sent' ? (
          <>
            <button
              disabled={busy}
              type="button"
              onClick={() => act(() => api.decideEstimate(d.id, 'accept'))}
            >
              Mark accepted
            </button>
            <button
              disabled={busy}
              type="button"
              onClick={() =>
                ask({
                  title: 'Mark this estimate rejected?',
                  confirmLabel: 'Mark rejected',
                  reasonLabel: 'Reason (optional)',
                }).then(
                  (answer) =>
                    answer && act(() => api.decideEstimate(d.id, 'reject', answer.reason || undefined)),
                )
              }
            >
              Mark rejected
            </button>
          </>
        ) : null}
        {!isInvoice && d.status === 'accepted' && !d.invoiceId ? (
          <button
            disabled={busy}
            type="button"
            className="primary"
            onClick={() =>
              act(async () => {
                const inv = await api.convertEstimate(d.id);
                navigate(`/invoices/${inv.id}`);
              })
            }
          >
            Convert to invoice
          </button>
        ) : null}
        {d.invoiceId ? (
          <Link to={`/invoices/${d.invoiceId}`}>Invoice created from this estimate →</Link>
        ) : null}
        {d.estimateId ? <Link to={`/estimates/${d.estimateId}`}>From estimate →</Link> : null}
      </div>

      <div className="card doc">
        <div className="doc-head">
          <div>
            <h3>Bill to</h3>
            {d.billTo ? (
              <address>
                <strong>{d.billTo.name}</strong>
                {d.billTo.company ? <div>{d.billTo.company}</div> : null}
                {d.billTo.billingAddress.street ? <div>{d.billTo.billingAddress.street}</div> : null}
                <div>
                  {[
                    d.billTo.billingAddress.postalCode,
                    d.billTo.billingAddress.city,
                    d.billTo.billingAddress.state,
                  ]
                    .filter(Boolean)
                    .join(' ')}
                </div>
                {d.billTo.billingAddress.country ? <div>{d.billTo.billingAddress.country}</div> : null}
                {d.billTo.taxId ? <div>Tax ID {d.billTo.taxId}</div> : null}
              </address>
            ) : null}
          </div>
          <dl className="meta">
            <dt>Issued</dt>
            <dd>{date(d.issueDate)}</dd>
            <dt>{isInvoice ? 'Due' : 'Valid until'}</dt>
            <dd>{date(isInvoice ? d.dueDate : d.validUntil)}</dd>
            <dt>Currency</dt>
            <dd>{d.currency}</dd>
          </dl>
        </div>
        <table className="list">
          <thead>
            <tr>
              <th>Description</th>
              <th className="num">Qty</th>
              <th className="num">Unit price</th>
              <th className="num hide-sm">Tax</th>
              <th className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {d.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
              <tr key={i}>
                <td>{l.description}</td>
                <td className="num">{l.quantity}</td>
                <td className="num">{money(l.unitPrice, d.currency)}</td>
                <td className="num hide-sm">{l.taxRate ? `${l.taxRate}%` : '—'}</td>
                <td className="num">{money(l.amount, d.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="totals">
          <dt>Subtotal</dt>
          <dd>{money(d.subtotal, d.currency)}</dd>
          {d.discountTotal > 0 ? (
            <>
              <dt>Discount{d.discountPercent ? ` (${d.discountPercent}%)` : ''}</dt>
              <dd data-testid="discount">−{money(d.discountTotal, d.currency)}</dd>
            </>
          ) : null}
          {d.taxes.map((t) => (
            <div className="contents" key={`${t.rate}-${t.inclusive}`}>
              <dt>
                Tax {t.rate}%{t.inclusive ? ' (incl.)' : ''}
              </dt>
              <dd>{money(t.amount, d.currency)}</dd>
            </div>
          ))}
          <dt className="strong">Total</dt>
          <dd className="strong">{money(d.total, d.currency)}</dd>
          {isInvoice ? (
            <>
              <dt>Paid</dt>
              <dd>{money(d.amountPaid, d.currency)}</dd>
              <dt className="strong">Amount due</dt>
              <dd className="strong" data-testid="amount-due">
                {money(d.amountDue, d.currency)}
              </dd>
            </>
          ) : null}
        </dl>
        {d.notes ? <p className="muted">{d.notes}</p> : null}
        {d.rejectionReason ? <p className="notice">Rejected: {d.rejectionReason}</p> : null}
      </div>

      <div className="card pdf-card">
        <div className="page-head">
          <h3>PDF</h3>
          <a className="button" href={`/api/v1/${type}s/${d.id}/pdf?download=1`} download>
            Download PDF
          </a>
        </div>
        {/* Phones get the download link only: inline PDF viewers there are unreliable. */}
        <iframe
          className="pdf-preview"
          title={`${type} PDF preview`}
          src={`/api/v1/${type}s/${d.id}/pdf#view=FitH`}
          key={d.updatedAt}
        />
      </div>

      {isInvoice && d.status !== 'draft' ? (
        <InvoicePayments
          invoice={d}
          busy={busy}
          onDelete={(paymentId) =>
            ask({
              title: 'Delete this payment?',
              message: 'The balance due goes back up by this amount.',
              confirmLabel: 'Delete',
              danger: true,
            }).then((ok) => ok && act(() => api.deletePayment(d.id, paymentId)))
          }
        />
      ) : null}

      <PaymentDialog
        ref={dialog}
        invoice={d}
        onDone={async () => {
          dialog.current?.close();
          await reload();
        }}
      />
    </section>
  );
}
