import { parseDecimal, toDecimalString } from '@clientele/core';
import { type FormEvent, useState } from 'react';
import type { Invoice } from '../../api/types';
import { useWords } from '../../i18n';
import { Field, TextAreaField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { creditChanges } from './queries';
import { type CreditNoteInput, createCreditNote } from './writes';

type What = 'whole' | 'lines' | 'amount';

/** Issues a credit note against an issued invoice: everything left, chosen lines, or a gross amount. */
export function CreditNoteDialog({
  ref,
  invoice,
  creditable,
  onDone,
}: {
  ref: React.Ref<HTMLDialogElement>;
  invoice: Invoice;
  creditable: number;
  onDone: () => void;
}) {
  const { t, money, decimal } = useWords();
  const [what, setWhat] = useState<What>('whole');
  const form = useApiForm({
    action: (body: CreditNoteInput, key) => createCreditNote(invoice.id, body, key),
    onSuccess: onDone,
    invalidates: creditChanges(),
  });
  const errors = form.fieldErrors;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (form.busy) return;
    const f = new FormData(e.currentTarget);
    const reason = String(f.get('reason') ?? '');
    const lines = f.getAll('line').map((v) => ({ line: Number(v) }));
    void form.submit(
      what === 'amount'
        ? { reason, amount: parseDecimal(String(f.get('amount') ?? ''), invoice.currency) }
        : what === 'lines'
          ? { reason, lines }
          : { reason },
    );
  }

  const choices: [What, string][] = [
    ['whole', t.credit.whole],
    ['lines', t.credit.chosenLines],
    ['amount', t.credit.anAmount],
  ];
  return (
    <dialog ref={ref} aria-labelledby="credit-title">
      <form method="dialog" className="form-grid" onSubmit={submit} onInput={form.newAction}>
        <h2 id="credit-title">{t.credit.issueCreditNote}</h2>
        <p className="muted">{t.credit.creditable(money(creditable, invoice.currency))}</p>
        <FormError message={form.error} />
        <fieldset>
          <legend>{t.credit.what}</legend>
          {choices.map(([value, label]) => (
            <label className="check" key={value}>
              <input
                type="radio"
                name="what"
                value={value}
                checked={what === value}
                onChange={() => setWhat(value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {what === 'lines' ? (
          <fieldset aria-describedby={errors.lines ? 'credit-lines-error' : undefined}>
            <legend>{t.credit.chosenLines}</legend>
            {invoice.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
              <label className="check" key={i}>
                <input type="checkbox" name="line" value={i} /> {l.description} ·{' '}
                {money(l.amount, invoice.currency)}
              </label>
            ))}
            {errors.lines ? (
              <p id="credit-lines-error" className="field-error" role="alert">
                {errors.lines}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {what === 'amount' ? (
          <Field
            label={t.credit.amount(invoice.currency)}
            id="credit-amount"
            name="amount"
            inputMode="decimal"
            defaultValue={decimal(toDecimalString(creditable, invoice.currency))}
            error={errors.amount}
          />
        ) : null}
        <TextAreaField
          label={t.credit.reason}
          id="credit-reason"
          name="reason"
          required
          error={errors.reason}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {t.credit.issue}
          </button>
          <button type="button" onClick={(e) => e.currentTarget.closest('dialog')?.close()}>
            {t.app.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
