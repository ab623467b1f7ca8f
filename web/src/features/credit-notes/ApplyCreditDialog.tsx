import { parseDecimal, toDecimalString } from '@clientele/core';
import type { FormEvent } from 'react';
import type { Invoice } from '../../api/types';
import { useWords } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { creditChanges } from './queries';
import { applyCredit } from './writes';

/** Pays an open invoice from the client's credit in its currency (at most the credit and the amount due). */
export function ApplyCreditDialog({
  ref,
  invoice,
  available,
  onDone,
}: {
  ref: React.Ref<HTMLDialogElement>;
  invoice: Invoice;
  available: number;
  onDone: () => void;
}) {
  const { t, money, decimal } = useWords();
  const form = useApiForm({
    action: (amount: number, key) => applyCredit(invoice.id, amount, key),
    onSuccess: onDone,
    invalidates: creditChanges(),
  });
  const suggested = Math.min(available, invoice.amountDue);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (form.busy) return;
    const f = new FormData(e.currentTarget);
    void form.submit(parseDecimal(String(f.get('amount') ?? ''), invoice.currency));
  }

  return (
    <dialog ref={ref} aria-labelledby="apply-credit-title">
      <form method="dialog" className="form-grid" onSubmit={submit} onInput={form.newAction}>
        <h2 id="apply-credit-title">{t.credit.applyTitle(money(available, invoice.currency))}</h2>
        <FormError message={form.error} />
        <Field
          label={t.credit.amount(invoice.currency)}
          id="apply-credit-amount"
          name="amount"
          inputMode="decimal"
          defaultValue={decimal(toDecimalString(suggested, invoice.currency))}
          key={suggested}
          error={form.fieldErrors.amount}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {t.credit.apply}
          </button>
          <button type="button" onClick={(e) => e.currentTarget.closest('dialog')?.close()}>
            {t.app.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
