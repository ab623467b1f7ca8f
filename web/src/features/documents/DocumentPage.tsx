import { addressLines, MESSAGES, taxIdLabel } from '@clientele/core';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { DocType } from '../../api/types';
import { useWords } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/FormError';
import { isNotFound, problemText } from '../../ui/problemText';
import { useApiForm } from '../../ui/useApiForm';
import { InvoiceCredit } from '../credit-notes/InvoiceCredit';
import { InvoicePayments } from '../payments/InvoicePayments';
import { PaymentDialog } from '../payments/PaymentDialog';
import { deletePayment } from '../payments/writes';
import { InvoiceReminders } from '../reminders/InvoiceReminders';
import { useCan } from '../team/can';
import { documentActionChanges, documentQueries } from './queries';
import { StatusBadge } from './StatusBadge';
import {
  acceptEstimate,
  convertEstimate,
  deleteDocument,
  duplicateDocument,
  rejectEstimate,
  sendDocument,
  voidInvoice,
} from './writes';

/** What the buttons of a document page do; each click is one action with its own Idempotency-Key. */
type Command =
  | { do: 'send' | 'resend' | 'delete' | 'void' | 'accept' | 'convert' | 'duplicate' }
  | { do: 'reject'; reason: string | undefined }
  | { do: 'delete-payment'; paymentId: string };

/** Runs a command on the document; resolves to the page to go to afterwards, if any. */
async function perform(type: DocType, id: string, command: Command, key: string): Promise<string | null> {
  switch (command.do) {
    case 'send':
    case 'resend':
      await sendDocument(type, id, command.do === 'resend', key);
      return null;
    case 'delete':
      await deleteDocument(type, id, key);
      return `/${type}s`;
    case 'void':
      await voidInvoice(id, key);
      return null;
    case 'accept':
      await acceptEstimate(id, key);
      return null;
    case 'reject':
      await rejectEstimate(id, command.reason, key);
      return null;
    case 'convert':
      return `/invoices/${(await convertEstimate(id, key)).id}`;
    case 'duplicate':
      // Straight into the new draft's editor: a copy is made to be changed.
      return `/${type}s/${(await duplicateDocument(type, id, key)).id}/edit`;
    case 'delete-payment':
      await deletePayment(id, command.paymentId, key);
      return null;
  }
}

export function DocumentPage({ type }: { type: DocType }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useConfirm();
  const { t, lang, money, date, number, percent } = useWords();
  const can = useCan();
  const isInvoice = type === 'invoice';
  const ask = confirm.ask;
  const docQuery = useQuery(documentQueries.detail(type, id));
  const doc = docQuery.data ?? null;
  // A converted estimate names the invoice it became.
  const convertedTo = doc?.type === 'estimate' ? doc.invoiceId : null;
  const invoiceNumber = useQuery(documentQueries.detail('invoice', convertedTo ?? '')).data?.number;
  const notFound = isNotFound(docQuery.error);
  const command = useApiForm({
    action: (c: Command, key) => perform(type, id, c, key),
    onSuccess: (next) => (next ? navigate(next) : undefined),
    invalidates: documentActionChanges(),
  });
  const act = (c: Command) => void command.submit(c);
  const busy = command.busy;
  const error = command.error ?? (docQuery.error && !notFound ? problemText(docQuery.error, t) : null);

  if (notFound) {
    return <p className="form-error">{isInvoice ? t.document.invoiceMissing : t.document.estimateMissing}</p>;
  }
  if (!doc) return error ? <FormError message={error} /> : <p className="muted">{t.app.loading}</p>;
  const d = doc;

  return (
    <section>
      {confirm.dialog}
      <div className="page-head">
        <h1>
          {d.number ?? (isInvoice ? t.document.draftInvoice : t.document.draftEstimate)}{' '}
          {convertedTo ? (
            <Link className="badge badge-paid" to={`/invoices/${convertedTo}`}>
              {t.document.convertedTo(invoiceNumber ?? null)}
            </Link>
          ) : (
            <StatusBadge type={d.type} status={d.status} overdue={d.overdue} disputed={Boolean(d.dispute)} />
          )}
        </h1>
        <Link to={`/clients/${d.clientId}`}>← {d.billTo?.name ?? t.document.clientFallback}</Link>
      </div>
      {d.sentAt || d.viewedAt ? (
        <p className="muted" data-testid="history">
          {d.sentAt ? t.document.sentOn(date(d.sentAt)) : null}
          {d.sentAt && d.viewedAt ? ' · ' : null}
          {d.viewedAt ? t.document.viewedOn(date(d.viewedAt)) : null}
        </p>
      ) : null}
      <FormError message={error} />
      <div className="actions-bar">
        {!can('write') ? null : d.status === 'draft' ? (
          <>
            <Link className="button" to={`/${type}s/${d.id}/edit`}>
              {t.app.edit}
            </Link>
            <button disabled={busy} type="button" className="primary" onClick={() => act({ do: 'send' })}>
              {isInvoice ? t.document.sendInvoice : t.document.sendEstimate}
            </button>
            <button
              disabled={busy}
              type="button"
              className="danger"
              onClick={() =>
                ask({
                  title: isInvoice ? t.document.deleteInvoiceTitle : t.document.deleteEstimateTitle,
                  confirmLabel: t.app.delete,
                  danger: true,
                }).then((ok) => ok && act({ do: 'delete' }))
              }
            >
              {t.app.delete}
            </button>
          </>
        ) : d.status !== 'void' ? (
          <button
            disabled={busy}
            type="button"
            onClick={() =>
              ask({
                title: isInvoice ? t.document.resendInvoiceTitle : t.document.resendEstimateTitle,
                message: t.document.resendMessage,
                confirmLabel: t.document.sendAgain,
              }).then((ok) => ok && act({ do: 'resend' }))
            }
          >
            {t.document.sendAgain}
          </button>
        ) : null}
        {can('write') && isInvoice && d.amountDue > 0 && d.status !== 'draft' ? (
          <button type="button" className="primary" onClick={() => dialog.current?.showModal()}>
            {t.document.recordPayment}
          </button>
        ) : null}
        {can('write') && isInvoice && (d.status === 'sent' || d.status === 'viewed') && d.amountPaid === 0 ? (
          <button
            disabled={busy}
            type="button"
            className="danger"
            onClick={() =>
              ask({
                title: t.document.voidTitle,
                message: t.document.voidMessage,
                confirmLabel: t.document.void,
                danger: true,
              }).then((ok) => ok && act({ do: 'void' }))
            }
          >
            {t.document.void}
          </button>
        ) : null}
        {can('write') && !isInvoice && d.status === 'sent' ? (
          <>
            <button disabled={busy} type="button" onClick={() => act({ do: 'accept' })}>
              {t.document.markAccepted}
            </button>
            <button
              disabled={busy}
              type="button"
              onClick={() =>
                ask({
                  title: t.document.rejectTitle,
                  confirmLabel: t.document.markRejected,
                  reasonLabel: t.document.reasonOptional,
                }).then((answer) => answer && act({ do: 'reject', reason: answer.reason || undefined }))
              }
            >
              {t.document.markRejected}
            </button>
          </>
        ) : null}
        {can('write') && !isInvoice && d.status === 'accepted' && !d.invoiceId ? (
          <button disabled={busy} type="button" className="primary" onClick={() => act({ do: 'convert' })}>
            {t.document.convert}
          </button>
        ) : null}
        {can('write') ? (
          <button disabled={busy} type="button" onClick={() => act({ do: 'duplicate' })}>
            {t.document.duplicate}
          </button>
        ) : null}
        {d.invoiceId ? <Link to={`/invoices/${d.invoiceId}`}>{t.document.invoiceFromEstimate}</Link> : null}
        {d.estimateId ? <Link to={`/estimates/${d.estimateId}`}>{t.document.fromEstimate}</Link> : null}
      </div>

      <div className="card doc">
        <div className="doc-head">
          <div>
            <h3>{t.document.billTo}</h3>
            {d.billTo ? (
              <address>
                <strong>{d.billTo.name}</strong>
                {d.billTo.company ? <div>{d.billTo.company}</div> : null}
                {/* As the address's own country writes it, country named in the app's language. */}
                {addressLines(d.billTo.billingAddress, lang).map((line) => (
                  <div key={line}>{line}</div>
                ))}
                {d.billTo.taxId ? (
                  <div>
                    {taxIdLabel(MESSAGES[lang].common, d.billTo.billingAddress.country, d.billTo.taxId)}{' '}
                    {d.billTo.taxId}
                  </div>
                ) : null}
              </address>
            ) : null}
          </div>
          <dl className="meta">
            <dt>{t.document.issued}</dt>
            <dd>{date(d.issueDate)}</dd>
            <dt>{isInvoice ? t.document.due : t.document.validUntil}</dt>
            <dd>{date(isInvoice ? d.dueDate : d.validUntil)}</dd>
            <dt>{t.document.currency}</dt>
            <dd>{d.currency}</dd>
          </dl>
        </div>
        <table className="list">
          <thead>
            <tr>
              <th>{t.document.description}</th>
              <th className="num">{t.document.quantity}</th>
              <th className="num">{t.document.unitPrice}</th>
              <th className="num hide-sm">{t.document.tax}</th>
              <th className="num">{t.document.amount}</th>
            </tr>
          </thead>
          <tbody>
            {d.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
              <tr key={i}>
                <td>{l.description}</td>
                <td className="num">{number(l.quantity)}</td>
                <td className="num">{money(l.unitPrice, d.currency)}</td>
                <td className="num hide-sm">{l.taxRate ? percent(l.taxRate) : '—'}</td>
                <td className="num">{money(l.amount, d.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="totals">
          <dt>{t.document.subtotal}</dt>
          <dd>{money(d.subtotal, d.currency)}</dd>
          {d.discountTotal > 0 ? (
            <>
              <dt>{t.document.discount(d.discountPercent ? percent(d.discountPercent) : null)}</dt>
              <dd data-testid="discount">−{money(d.discountTotal, d.currency)}</dd>
            </>
          ) : null}
          {d.taxes.map((tax) => (
            <div className="contents" key={`${tax.rate}-${tax.inclusive}`}>
              <dt>{t.document.taxLine(percent(tax.rate), tax.inclusive)}</dt>
              <dd>{money(tax.amount, d.currency)}</dd>
            </div>
          ))}
          <dt className="strong">{t.document.total}</dt>
          <dd className="strong">{money(d.total, d.currency)}</dd>
          {isInvoice ? (
            <>
              <dt>{t.document.paid}</dt>
              <dd>{money(d.amountPaid, d.currency)}</dd>
              <dt className="strong">{t.document.amountDue}</dt>
              <dd className="strong" data-testid="amount-due">
                {money(d.amountDue, d.currency)}
              </dd>
            </>
          ) : null}
        </dl>
        {d.notes ? <p className="muted">{d.notes}</p> : null}
        {d.rejectionReason ? <p className="notice">{t.document.rejected(d.rejectionReason)}</p> : null}
      </div>

      <div className="card pdf-card">
        <div className="page-head">
          <h3>{t.document.pdf}</h3>
          <a className="button" href={`/api/v1/${type}s/${d.id}/pdf?download=1`} download>
            {t.document.downloadPdf}
          </a>
        </div>
        {/* Phones get the download link only: inline PDF viewers there are unreliable. */}
        <iframe
          className="pdf-preview"
          title={t.document.pdfPreview}
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
              title: t.document.deletePaymentTitle,
              message: t.document.deletePaymentMessage,
              confirmLabel: t.app.delete,
              danger: true,
            }).then((ok) => ok && act({ do: 'delete-payment', paymentId }))
          }
        />
      ) : null}

      {d.type === 'invoice' ? <InvoiceReminders invoice={d} /> : null}

      {d.type === 'invoice' ? <InvoiceCredit invoice={d} /> : null}

      <PaymentDialog ref={dialog} invoice={d} onDone={() => dialog.current?.close()} />
    </section>
  );
}
