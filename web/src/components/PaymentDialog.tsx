import { parseDecimal, toDecimalString } from '@clientele/core';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api, type Doc } from '../api';
import { problemText } from '../errors';
import { todayIso } from '../format';
import { useWords } from '../i18n';
import { Field } from './Field';
import { FormError } from './FormError';

/** Records a payment against an invoice; the API refuses an amount over the balance due. */
export function PaymentDialog({
  ref,
  invoice,
  onDone,
}: {
  ref: React.Ref<HTMLDialogElement>;
  invoice: Doc;
  onDone: () => Promise<void>;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t, decimal } = useWords();
  // One Idempotency-Key per user action: kept while the same payment is retried (a dropped
  // connection, a second click), replaced once it is saved or the form is edited.
  const actionKey = useRef<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const f = new FormData(e.currentTarget);
    actionKey.current ??= crypto.randomUUID();
    const amount = parseDecimal(String(f.get('amount') ?? ''), invoice.currency);
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      await api.recordPayment(
        invoice.id,
        {
          amount,
          date: String(f.get('date')),
          method: String(f.get('method')),
          reference: String(f.get('reference') ?? ''),
          sendReceipt: f.get('sendReceipt') === 'on',
        },
        actionKey.current,
      );
      actionKey.current = null;
      await onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        // Refused input is a finished action: the corrected form is a new one.
        if (err.status >= 400 && err.status < 500) actionKey.current = null;
        setErrors(err.fieldErrors());
        setError(problemText(err, t));
      } else setError(String(err));
    } finally {
      setBusy(false);
    }
  }

  const dueText = decimal(toDecimalString(invoice.amountDue, invoice.currency));
  return (
    <dialog ref={ref} aria-labelledby="pay-title">
      <form
        method="dialog"
        className="form-grid"
        onSubmit={submit}
        onInput={() => {
          actionKey.current = null;
        }}
      >
        <h2 id="pay-title">{t.payment.title}</h2>
        <FormError message={error} />
        <Field
          label={t.payment.amount(invoice.currency)}
          id="pay-amount"
          name="amount"
          inputMode="decimal"
          defaultValue={dueText}
          key={dueText}
          autoFocus
          error={errors.amount}
        />
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
          <button type="submit" className="primary" disabled={busy}>
            {t.payment.save}
          </button>
          <button
            type="button"
            onClick={(e) => (e.currentTarget.closest('dialog') as HTMLDialogElement).close()}
          >
            {t.app.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
