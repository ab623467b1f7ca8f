import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { isNotFound, problemText } from '../../ui/problemText';
import { useApiForm } from '../../ui/useApiForm';
import { useCan } from '../team/can';
import { creditChanges, creditNoteQueries } from './queries';
import { sendCreditNote } from './writes';

/** One credit note: what it credits and why, where the money went, its PDF, and "Email to client". */
export function CreditNotePage() {
  const { id = '' } = useParams();
  const { t, money, date, percent } = useWords();
  const can = useCan();
  const query = useQuery(creditNoteQueries.detail(id));
  const send = useApiForm({
    action: (_: void, key) => sendCreditNote(id, key),
    invalidates: creditChanges(),
  });
  if (isNotFound(query.error)) return <p className="form-error">{t.credit.missing}</p>;
  const n = query.data;
  if (!n) {
    return query.error ? (
      <FormError message={problemText(query.error, t)} />
    ) : (
      <p className="muted">{t.app.loading}</p>
    );
  }
  return (
    <section>
      <div className="page-head">
        <h1>
          {t.credit.creditNote(n.number)}{' '}
          <span className="badge">{n.status === 'sent' ? t.credit.emailed : t.credit.notEmailed}</span>
        </h1>
        <Link to={`/invoices/${n.invoiceId}`}>← {t.credit.forInvoice(n.invoiceNumber)}</Link>
      </div>
      <FormError message={send.error} />
      <div className="actions-bar">
        {can('write') ? (
          <button type="button" className="primary" disabled={send.busy} onClick={() => void send.submit()}>
            {t.credit.send}
          </button>
        ) : null}
        <Link to={`/clients/${n.clientId}`}>{t.document.clientFallback}</Link>
      </div>
      <div className="card doc">
        <dl className="meta">
          <dt>{t.document.issued}</dt>
          <dd>{date(n.issueDate)}</dd>
          <dt>{t.document.currency}</dt>
          <dd>{n.currency}</dd>
        </dl>
        <p>{n.reason}</p>
        <table className="list">
          <thead>
            <tr>
              <th>{t.document.description}</th>
              <th className="num hide-sm">{t.document.tax}</th>
              <th className="num">{t.document.amount}</th>
            </tr>
          </thead>
          <tbody>
            {n.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
              <tr key={i}>
                <td>{l.description}</td>
                <td className="num hide-sm">{l.taxRate ? percent(l.taxRate) : '—'}</td>
                <td className="num">{money(l.amount, n.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="totals">
          <dt>{t.document.subtotal}</dt>
          <dd>{money(n.subtotal, n.currency)}</dd>
          <dt className="strong">{t.document.total}</dt>
          <dd className="strong" data-testid="credit-total">
            {money(n.total, n.currency)}
          </dd>
        </dl>
        {n.toInvoice ? <p className="muted">{t.credit.toInvoice(money(n.toInvoice, n.currency))}</p> : null}
        {n.toCredit ? <p className="muted">{t.credit.toCredit(money(n.toCredit, n.currency))}</p> : null}
      </div>
      <div className="card pdf-card">
        <div className="page-head">
          <h3>{t.document.pdf}</h3>
          <a className="button" href={`/api/v1/credit-notes/${n.id}/pdf?download=1`} download>
            {t.document.downloadPdf}
          </a>
        </div>
        <iframe
          className="pdf-preview"
          title={t.document.pdfPreview}
          src={`/api/v1/credit-notes/${n.id}/pdf#view=FitH`}
        />
      </div>
    </section>
  );
}
