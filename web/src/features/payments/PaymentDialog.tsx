import { parseDecimal, toDecimalString } from '@clientele/core';
import { type FormEvent, useState } from 'react';
import type { Doc, PaymentInput } from '../../api/types';
import { useWords } from '../../i18n';
import { todayIso } from '../../ui/dates';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { documentActionChanges } from '../documents/queries';
import { recordPayment } from './writes';

/** Records a payment against an invoice; the API refuses an amount over the balance due. */
export function PaymentDialog({
  ref,
  invoice,
  onDone,
}: {
  ref: React.Ref<HTMLDialogElement>;
  invoice: Doc;
  onDone: () => void;
}) {
  const { t, decimal, money } = useWords();
  // What was typed beyond the amount due: the business is asked whether to keep it as credit.
  const [excess, setExcess] = useState(0);
  // One Idempotency-Key per user action: kept while the same payment is retried (a dropped
  // connection, a second click), replaced once it is saved, refused, or the form is edited.
  const form = useApiForm({
    action: (payment: PaymentInput, key) => recordPayment(invoice.id, payment, key),
    onSuccess: onDone,
    // A payment changes the invoice, its client's 360° and (with a receipt) the email log.
    invalidates: documentActionChanges(),
  });
  const errors = form.fieldErrors;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (form.busy) return;
    const f = new FormData(e.currentTarget);
    void form.submit({
      amount: parseDecimal(String(f.get('amount') ?? ''), invoice.currency),
      date: String(f.get('date')),
      method: String(f.get('method')),
      reference: String(f.get('reference') ?? ''),
      sendReceipt: f.get('sendReceipt') === 'on',
      excessAsCredit: excess > 0 && f.get('excessAsCredit') === 'on',
    });
  }

  const dueText = decimal(toDecimalString(invoice.amountDue, invoice.currency));
  return (
    <dialog ref={ref} aria-labelledby="pay-title">
      <form method="dialog" className="form-grid" onSubmit={submit} onInput={form.newAction}>
        <h2 id="pay-title">{t.payment.title}</h2>
        <FormError message={form.error} />
        <Field
          label={t.payment.amount(invoice.currency)}
          id="pay-amount"
          name="amount"
          inputMode="decimal"
          defaultValue={dueText}
          key={dueText}
          autoFocus
          error={errors.amount}
          onChange={(e) => {
            const typed = parseDecimal(e.currentTarget.value, invoice.currency);
            setExcess(Number.isFinite(typed) ? Math.max(0, typed - invoice.amountDue) : 0);
          }}
        />
        {excess > 0 ? (
          <label className="check">
            <input type="checkbox" name="excessAsCredit" />{' '}
            {t.credit.saveExcess(money(excess, invoice.currency))}
          </label>
        ) : null}
        <Field
          label={t.payment.date}
          id="pay-date"
          name="date"
          type="date"
          defaultValue={todayIso()}
          error={errors.date}
        />
        <Field
          label={t.payment.method}
          id="pay-method"
          name="method"
          defaultValue={t.payment.defaultMethod}
          list="methods"
          error={errors.method}
        />
        <datalist id="methods">
          {t.payment.methods.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <Field label={t.payment.reference} id="pay-ref" name="reference" error={errors.reference} />
        <label className="check">
          <input type="checkbox" name="sendReceipt" defaultChecked={Boolean(invoice.billTo?.email)} />{' '}
          {t.payment.sendReceipt}
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {t.payment.save}
          </button>
          <button type="button" onClick={(e) => e.currentTarget.closest('dialog')?.close()}>
            {t.app.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
