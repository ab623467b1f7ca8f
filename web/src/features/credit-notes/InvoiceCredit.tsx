import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link } from 'react-router';
import type { Invoice } from '../../api/types';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { useCan } from '../team/can';
import { ApplyCreditDialog } from './ApplyCreditDialog';
import { CreditNoteDialog } from './CreditNoteDialog';
import { creditChanges, creditNoteQueries } from './queries';
import { createCreditNote } from './writes';

/**
 * An issued invoice's credit notes, with "Issue credit note", "Apply credit" when the client
 * has some in this currency, and — after a Stripe refund left it owing — the matching credit
 * note in one click.
 */
export function InvoiceCredit({ invoice }: { invoice: Invoice }) {
  const { t, money, date } = useWords();
  const can = useCan();
  const issueDialog = useRef<HTMLDialogElement>(null);
  const applyDialog = useRef<HTMLDialogElement>(null);
  const notes = useQuery(creditNoteQueries.ofInvoice(invoice.id)).data?.data ?? [];
  const options = useQuery(creditNoteQueries.options(invoice.id)).data;
  const squareRefund = useApiForm({
    action: (amount: number, key) =>
      createCreditNote(invoice.id, { amount, reason: t.credit.refundReason }, key),
    invalidates: creditChanges(),
  });
  if (invoice.status === 'draft' || invoice.status === 'void') return null;
  const mayWrite = can('write');
  return (
    <section className="card" aria-labelledby="invoice-credit-notes">
      <div className="page-head">
        <h3 id="invoice-credit-notes">{t.credit.creditNotes}</h3>
        <div className="actions">
          {mayWrite && options && options.creditable > 0 ? (
            <button type="button" onClick={() => issueDialog.current?.showModal()}>
              {t.credit.issueCreditNote}
            </button>
          ) : null}
          {mayWrite && options && options.clientCredit > 0 && options.amountDue > 0 ? (
            <button type="button" onClick={() => applyDialog.current?.showModal()}>
              {t.credit.applyCredit}
            </button>
          ) : null}
        </div>
      </div>
      <FormError message={squareRefund.error} />
      {mayWrite && options && options.refundToCredit > 0 ? (
        <p className="notice" data-testid="refund-notice">
          {t.credit.refundNotice(money(options.refundToCredit, invoice.currency))}{' '}
          <button
            type="button"
            className="primary"
            disabled={squareRefund.busy}
            onClick={() => void squareRefund.submit(options.refundToCredit)}
          >
            {t.credit.issueCreditNote}
          </button>
        </p>
      ) : null}
      <ul className="plain" data-testid="invoice-credit-notes">
        {notes.map((n) => (
          <li key={n.id}>
            <Link to={`/credit-notes/${n.id}`}>{n.number}</Link> · {date(n.issueDate)} ·{' '}
            {money(n.total, n.currency)} — {n.reason}
          </li>
        ))}
      </ul>
      {/* Only the dialogs this invoice can use are on the page (their fields would name amounts too). */}
      {mayWrite && options && options.creditable > 0 ? (
        <CreditNoteDialog
          ref={issueDialog}
          invoice={invoice}
          creditable={options.creditable}
          onDone={() => issueDialog.current?.close()}
        />
      ) : null}
      {mayWrite && options && options.clientCredit > 0 && options.amountDue > 0 ? (
        <ApplyCreditDialog
          ref={applyDialog}
          invoice={invoice}
          available={options.clientCredit}
          onDone={() => applyDialog.current?.close()}
        />
      ) : null}
    </section>
  );
}
