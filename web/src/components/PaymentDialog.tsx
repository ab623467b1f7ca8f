import { parseDecimal, toDecimalString } from '@clientele/core';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api, type Doc } from '../api';
import { todayIso } from '../format';
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
        setError(err.message);
      } else setError(String(err));
    } finally {
      setBusy(false);
    }
  }

  const dueText = toDecimalString(invoice.amountDue, invoice.currency);
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
        <h2 id="pay-title">Record payment</h2>
        <FormError message={error} />
        <Field
          label={`Amount (${invoice.currency})`}
          id="pay-amount"
          name="amount"
          inputMode="decimal"
          defaultValue={dueText}
          key={dueText}
          autoFocus
          error={errors.amount}
        />
        <Field
          label="Date"
          id="pay-date"
          name="date"
          type="date"
          defaultValue={todayIso()}
          error={errors.date}
        />
        <Field
          label="Method"
          id="pay-method"
          name="method"
          defaultValue="bank transfer"
          list="methods"
          error={errors.method}
        />
        <datalist id="methods">
          <option value="bank transfer" />
          <option value="cash" />
          <option value="card" />
          <option value="cheque" />
        </datalist>
        <Field label="Reference" id="pay-ref" name="reference" error={errors.reference} />
        <label className="check">
          <input type="checkbox" name="sendReceipt" defaultChecked={Boolean(invoice.billTo?.email)} /> Email a
          receipt to the client
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Save payment
          </button>
          <button
            type="button"
            onClick={(e) => (e.currentTarget.closest('dialog') as HTMLDialogElement).close()}
          >
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
